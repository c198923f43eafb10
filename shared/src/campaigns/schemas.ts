import { z } from 'zod'
import { positionLevels, type PositionLevel } from '../auth/roles'
import { objectIdSchema } from '../units/schemas'
import { campaignQuotaSchema, defaultCampaignQuotas, defaultUnitReceptionsPerWeek } from './quotas'

const day = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / Use YYYY-MM-DD' })

const campaignFields = {
  name: z.string().trim().min(2).max(60),
  startsOn: day,
  endsOn: day,
  /** Participating units; their whole subtrees take part. */
  unitIds: z.array(objectIdSchema).min(1, { message: '至少选择一个参与单位 / Choose a unit' }).max(200),
  quotas: z
    .object(
      Object.fromEntries(positionLevels.map((level) => [level, campaignQuotaSchema])) as {
        [K in PositionLevel]: typeof campaignQuotaSchema
      },
    )
    .default(defaultCampaignQuotas),
  topics: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** 带案下访: the share of a leader's owned cases followed up in person. */
  ownershipFollowUpTarget: z.number().min(0).max(1).default(0.3),
  /** 每个单位每周至少接访N次 */
  unitReceptionsPerWeek: z.number().int().min(0).max(50).default(defaultUnitReceptionsPerWeek),
}

const periodIsOrdered = (value: { startsOn?: string; endsOn?: string }) =>
  !value.startsOn || !value.endsOn || value.startsOn <= value.endsOn
const periodIssue = {
  message: '结束日期不能早于开始日期 / The period ends before it starts',
  path: ['endsOn'],
}

export const campaignInputSchema = z.object(campaignFields).refine(periodIsOrdered, periodIssue)
export type CampaignInput = z.infer<typeof campaignInputSchema>

export const campaignPatchSchema = z
  .object({
    name: campaignFields.name,
    startsOn: day,
    endsOn: day,
    unitIds: campaignFields.unitIds,
    quotas: z.object(
      Object.fromEntries(positionLevels.map((level) => [level, campaignQuotaSchema])) as {
        [K in PositionLevel]: typeof campaignQuotaSchema
      },
    ),
    topics: z.array(z.string().trim().min(1).max(40)).max(20),
    ownershipFollowUpTarget: z.number().min(0).max(1),
    unitReceptionsPerWeek: z.number().int().min(0).max(50),
  })
  .partial()
  .refine(periodIsOrdered, periodIssue)

/** 宣讲, 座谈会, 线上交流, 办实事好事: the campaign activities that are not visits or receptions. */
export const campaignActivityKinds = ['talk', 'forum', 'onlineExchange', 'goodDeed'] as const
export type CampaignActivityKind = (typeof campaignActivityKinds)[number]
export const campaignActivityKindLabels: Record<CampaignActivityKind, string> = {
  talk: '宣讲',
  forum: '座谈会',
  onlineExchange: '线上交流',
  goodDeed: '办实事好事',
}

export const campaignActivityInputSchema = z.object({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, {
    message: '客户端编号无效 / clientId must be 8–64 url-safe characters',
  }),
  kind: z.enum(campaignActivityKinds, { message: '活动类型无效 / Unknown activity kind' }),
  heldOn: day,
  unitId: objectIdSchema,
  /** The staff who held it (宣讲人, 主持人); the recorder is added when missing. */
  hostIds: z.array(objectIdSchema).max(20).default([]),
  attendees: z.number().int().min(0).max(100_000).default(0),
  /** 收集意见建议: opinions and suggestions gathered at a talk, forum or exchange. */
  opinionsCollected: z.number().int().min(0).max(100_000).default(0),
  summary: z.string().trim().min(2, { message: '请填写活动内容 / Describe the activity' }).max(2000),
})
export type CampaignActivityInput = z.infer<typeof campaignActivityInputSchema>

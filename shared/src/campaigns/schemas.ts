import { z } from 'zod'
import { positionLevels, type PositionLevel } from '../auth/roles'
import { objectIdSchema } from '../units/schemas'

const count = z.number().int().min(0).max(10_000)

/** What one position level must do over a campaign. */
export const campaignQuotaSchema = z.object({
  households: count,
  researchDays: count,
  problemsResolved: count,
})

/**
 * The 大走访 defaults from the issue: bureau leaders visit at least 40 households and spend at
 * least a month in the field, unit leaders at least 20 households, other cadres at least 15;
 * leaders must resolve problems themselves. An admin changes them per campaign.
 */
export const defaultCampaignQuotas: Record<PositionLevel, z.infer<typeof campaignQuotaSchema>> = {
  bureauLeader: { households: 40, researchDays: 30, problemsResolved: 3 },
  unitLeader: { households: 20, researchDays: 10, problemsResolved: 2 },
  cadre: { households: 15, researchDays: 5, problemsResolved: 0 },
}

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
  })
  .partial()
  .refine(periodIsOrdered, periodIssue)

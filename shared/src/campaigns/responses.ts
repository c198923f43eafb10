import { z } from 'zod'
import { isoDaySchema, itemsOf, responseObject } from '../api/responseShapes'
import { positionLevelSchema, roleSchema } from '../auth/roles'
import { quotaMetrics, type QuotaMetric } from './quotas'

/** Every seed quota metric (issue 16), each a whole number. */
const quotaSchema = responseObject(
  Object.fromEntries(quotaMetrics.map((metric) => [metric, z.number().int()])) as Record<
    QuotaMetric,
    z.ZodNumber
  >,
)

/** A campaign as `presentCampaign` shows it. */
export const campaignViewSchema = responseObject({
  id: z.string(),
  name: z.string(),
  startsOn: isoDaySchema,
  endsOn: isoDaySchema,
  unitIds: z.array(z.string()),
  quotas: responseObject({ bureauLeader: quotaSchema, unitLeader: quotaSchema, cadre: quotaSchema }),
  topics: z.array(z.string()),
  ownershipFollowUpTarget: z.number(),
  unitReceptionsPerWeek: z.number().int(),
})
export const campaignListResponseSchema = itemsOf(campaignViewSchema)

const quotaFigure = responseObject({
  done: z.number().int(),
  quota: z.number().int(),
  ratio: z.number(),
  met: z.boolean(),
})

/** Per member: visits, households, research days and problems against the quota (campaignProgress). */
export const campaignProgressResponseSchema = responseObject({
  campaignId: z.string(),
  elapsedShare: z.number(),
  rows: z.array(
    responseObject({
      userId: z.string(),
      name: z.string(),
      role: roleSchema,
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      positionLevel: positionLevelSchema,
      visits: z.number().int(),
      ...(Object.fromEntries(quotaMetrics.map((metric) => [metric, quotaFigure])) as Record<
        QuotaMetric,
        typeof quotaFigure
      >),
      behind: z.boolean(),
      behindOn: z.array(z.enum(quotaMetrics)),
      ownership: responseObject({
        owned: z.number().int(),
        followedUp: z.number().int(),
        share: z.number().nullable(),
        met: z.boolean().nullable(),
      }),
    }),
  ),
  /** 每个单位每周至少接访N次, per listed unit (leaders and admins; empty for staff). */
  units: z.array(
    responseObject({
      unitId: z.string(),
      name: z.string().nullable(),
      weeks: z.array(
        responseObject({ weekOf: isoDaySchema, receptions: z.number().int(), met: z.boolean().nullable() }),
      ),
      missedWeeks: z.number().int(),
    }),
  ),
})

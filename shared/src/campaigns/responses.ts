import { z } from 'zod'
import { isoDaySchema, itemsOf, responseObject } from '../api/responseShapes'
import { positionLevelSchema, roleSchema } from '../auth/roles'

const quotaSchema = responseObject({
  households: z.number().int(),
  researchDays: z.number().int(),
  problemsResolved: z.number().int(),
})

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
      households: quotaFigure,
      researchDays: quotaFigure,
      problemsResolved: quotaFigure,
      behind: z.boolean(),
      ownership: responseObject({
        owned: z.number().int(),
        followedUp: z.number().int(),
        share: z.number().nullable(),
        met: z.boolean().nullable(),
      }),
    }),
  ),
})

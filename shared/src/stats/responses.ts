import { z } from 'zod'
import { isoDaySchema, isoTimeSchema, responseObject } from '../api/responseShapes'
import { caseSourceSchema, caseStatusSchema } from '../cases/schemas'
import { ratedVia } from '../ratings/schemas'
import { headlineCounters } from './rates'

/** A rate 0–1, or null when nothing was there to divide. */
const rate = z.number().min(0).max(1).nullable()
const hours = z.number().nullable()
const count = z.number().int()

const headlineCountsSchema = responseObject(
  Object.fromEntries(headlineCounters.map((name) => [name, count])) as Record<
    (typeof headlineCounters)[number],
    typeof count
  >,
)
const pendingSchema = responseObject({
  signForPending: count,
  answerPending: count,
  ratingPending: count,
  openOverdue: count,
})
const ratesFields = {
  responseRate: rate,
  signForRate: rate,
  completionRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
  medianAcceptHours: hours,
  medianResolveHours: hours,
}
const rateDefinitionsSchema = responseObject({
  responseRate: z.string(),
  signForRate: z.string(),
  completionRate: z.string(),
  resolutionRate: z.string(),
  satisfactionRate: z.string(),
  pending: z.string(),
  medianAcceptHours: z.string(),
  medianResolveHours: z.string(),
})

const rateRowFields = {
  key: z.string(),
  name: z.string(),
  ...ratesFields,
  counts: headlineCountsSchema,
  pending: pendingSchema,
}

/** GET /stats/rates: the three rates and the counts behind each, per unit or category. */
export const ratesReportResponseSchema = responseObject({
  from: isoDaySchema,
  to: isoDaySchema,
  groupBy: z.enum(['unit', 'category']),
  definitions: rateDefinitionsSchema,
  rows: z.array(responseObject(rateRowFields)),
})

/** GET /stats/ranking: ranked units, the unranked ones (too few cases) and the 红黑榜 keys. */
export const rankingResponseSchema = responseObject({
  from: isoDaySchema,
  to: isoDaySchema,
  weights: responseObject({
    responseRate: z.number(),
    resolutionRate: z.number(),
    satisfactionRate: z.number(),
  }),
  minCases: count,
  minCasesNote: z.string(),
  definitions: rateDefinitionsSchema,
  rows: z.array(responseObject({ rank: count, ...rateRowFields, sample: count, score: z.number() })),
  unranked: z.array(responseObject({ ...rateRowFields, sample: count, note: z.string() })),
  redList: z.array(z.string()),
  blackList: z.array(z.string()),
})

export const followUpFiguresResponseSchema = responseObject({
  sampled: count,
  answered: count,
  solved: count,
  followUpRate: rate,
  definition: z.string(),
})

/** GET /stats/brief (简报). */
export const briefResponseSchema = responseObject({
  from: isoDaySchema,
  to: isoDaySchema,
  totals: responseObject({
    ...headlineCountsSchema.shape,
    ...ratesFields,
    overdueTotal: count,
    pending: pendingSchema,
  }),
  campaign: responseObject({
    turnouts: count,
    households: count,
    problemsCollected: count,
    problemsSolved: count,
    pairs: count,
    pairedHouseholds: count,
  }),
  definitions: rateDefinitionsSchema.extend({
    overdueTotal: z.string(),
    turnouts: z.string(),
    households: z.string(),
    problemsCollected: z.string(),
    problemsSolved: z.string(),
    pairs: z.string(),
  }),
  ranking: rankingResponseSchema,
  followUp: followUpFiguresResponseSchema,
  publicCriticism: z.array(
    responseObject({
      caseId: z.string(),
      number: z.string(),
      title: z.string(),
      unitName: z.string().nullable(),
      status: caseStatusSchema,
      escalatedAt: isoTimeSchema,
    }),
  ),
})

export const handoffsResponseSchema = responseObject({
  rows: z.array(
    responseObject({
      unitId: z.string(),
      unitName: z.string().nullable(),
      transferred: count,
      returned: count,
      objected: count,
    }),
  ),
})

export const workloadResponseSchema = responseObject({
  at: isoTimeSchema,
  rows: z.array(
    responseObject({ unitId: z.string(), unitName: z.string().nullable(), open: count, overdue: count }),
  ),
})

export const visitFiguresResponseSchema = responseObject({
  visits: count,
  staff: z.array(
    responseObject({
      userId: z.string(),
      name: z.string().nullable(),
      unitName: z.string().nullable(),
      visits: count,
      households: count,
      fieldDays: count,
    }),
  ),
  tags: z.array(responseObject({ tag: z.string(), label: z.string(), households: count })),
})

export const rollupRebuildResponseSchema = responseObject({ rows: count })

const satisfactionCounts = {
  rated: count,
  satisfied: count,
  basicallySatisfied: count,
  unsatisfied: count,
  satisfactionRate: rate,
}
export const satisfactionByChannelResponseSchema = responseObject({
  definition: z.string(),
  total: responseObject(satisfactionCounts),
  rows: z.array(
    responseObject({
      source: caseSourceSchema,
      ...satisfactionCounts,
      byRatedVia: responseObject(
        Object.fromEntries(
          ratedVia.map((via) => [via, responseObject(satisfactionCounts).optional()]),
        ) as Record<(typeof ratedVia)[number], z.ZodOptional<z.ZodObject<typeof satisfactionCounts>>>,
      ),
    }),
  ),
})

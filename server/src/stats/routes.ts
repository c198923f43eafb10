import { chinaDate, chinaDays, defaultRankingMinCases, defaultRankingWeights } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { brief } from './brief'
import { followUpFigures } from './followUpFigures'
import { handoffCounts } from './handoffCounts'
import { capDayPeriod, capPeriod } from './period'
import { statsScope } from './scope'
import { visitFigures } from './visitFigures'
import { workload } from './workload'
import { rebuildRollups } from './rebuildRollups'
import { ranking, ratesReport } from './threeRatesReport'
// Response schemas (issue 12)
import {
  briefResponseSchema,
  followUpFiguresResponseSchema,
  handoffsResponseSchema,
  rankingResponseSchema,
  ratesReportResponseSchema,
  rollupRebuildResponseSchema,
  visitFiguresResponseSchema,
  workloadResponseSchema,
} from '@minqing/shared'

/** A day "2026-03-01", or any ISO time (taken as its China-time day). */
const day = z
  .string()
  .max(40)
  .refine((value) => !Number.isNaN(new Date(value).getTime()), { message: '日期无效 / Invalid date' })
  .transform((value) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDate(new Date(value)).format('YYYY-MM-DD'),
  )
/** A period of whole days with extra query fields; refined so from ≤ to. */
const dayPeriod = <T extends z.ZodRawShape>(extra: T) =>
  z
    .object({ from: day, to: day, ...extra })
    .refine((period) => (period as { from: string }).from <= (period as { to: string }).to, {
      message: '开始日期须早于结束日期 / from must not be after to',
      path: ['to'],
    })
const weight = z.coerce.number().min(0).max(1)

const periodSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((period) => period.from < period.to, {
    message: '开始时间须早于结束时间 / from must be before to',
    path: ['to'],
  })

export const statsRoutes = [
  defineRoute({
    method: 'get',
    path: '/stats/handoffs',
    access: ['admin', 'leader'],
    summary: 'Per unit: cases transferred (移交), returned (退单) and disputed (派单异议) in a period',
    query: periodSchema,
    response: handoffsResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      capPeriod(query.from, query.to)
      return { rows: await handoffCounts(query.from, query.to, await statsScope(viewer)) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/stats/follow-ups',
    access: ['admin', 'leader'],
    summary: 'Follow-up figures of a period: sampled, answered, solved and the follow-up rate',
    query: z.object({ from: z.coerce.date(), to: z.coerce.date() }),
    response: followUpFiguresResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      capPeriod(query.from, query.to)
      return followUpFigures(query.from, query.to, await statsScope(viewer))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/stats/rates',
    access: ['admin', 'leader'],
    summary:
      'The three rates (响应率, 办结率, 满意率: 0–1, null when nothing to divide) with the counts behind each, per unit or category, from the daily rollups',
    query: dayPeriod({ groupBy: z.enum(['unit', 'category']).default('unit') }),
    response: ratesReportResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      capDayPeriod(query)
      return ratesReport(query, query.groupBy, viewer, ctx.deps.config.STATS_CACHE_MS, ctx.deps.clock.now())
    },
  }),
  defineRoute({
    method: 'get',
    path: '/stats/ranking',
    access: ['admin', 'leader'],
    summary: 'Units ranked by a weighted score of the three rates; the top and bottom three are the 红黑榜',
    query: dayPeriod({
      responseWeight: weight.default(defaultRankingWeights.responseRate),
      resolutionWeight: weight.default(defaultRankingWeights.resolutionRate),
      satisfactionWeight: weight.default(defaultRankingWeights.satisfactionRate),
      /** Closed sign-for windows a unit needs in the period to be ranked. */
      minCases: z.coerce.number().int().min(1).max(1000).default(defaultRankingMinCases),
    }),
    response: rankingResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      capDayPeriod(query)
      return ranking(
        query,
        {
          responseRate: query.responseWeight,
          resolutionRate: query.resolutionWeight,
          satisfactionRate: query.satisfactionWeight,
        },
        viewer,
        ctx.deps.config.STATS_CACHE_MS,
        ctx.deps.clock.now(),
        query.minCases,
      )
    },
  }),
  defineRoute({
    method: 'get',
    path: '/stats/workload',
    access: ['admin', 'leader'],
    summary: 'Per unit, the cases it holds open now and how many of them are overdue (a snapshot)',
    response: workloadResponseSchema,
    handler: async (ctx, { viewer }) => workload(viewer, ctx.deps.clock.now()),
  }),
  defineRoute({
    method: 'get',
    path: '/stats/visits',
    access: ['admin', 'leader'],
    summary:
      'Visits of a period: per staff member (visits, households, field days) and households visited by tag',
    query: dayPeriod({}),
    response: visitFiguresResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      capDayPeriod(query)
      return visitFigures(chinaDays(query.from, query.to), viewer)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/stats/brief',
    access: ['admin', 'leader'],
    summary:
      "The period's brief (简报): key figures, the ranking with its red and black lists, follow-up figures and the cases listed for public criticism",
    query: dayPeriod({}),
    response: briefResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      capDayPeriod(query)
      return brief(query, viewer, ctx.deps.config.STATS_CACHE_MS, ctx.deps.clock.now())
    },
  }),
  defineRoute({
    method: 'post',
    path: '/stats/rollups/rebuild',
    cityLevel: true,
    access: ['admin'],
    summary: 'Recount the daily rollups from the case events (after a restore, or to check them)',
    response: rollupRebuildResponseSchema,
    handler: async () => ({ rows: await rebuildRollups() }),
  }),
]

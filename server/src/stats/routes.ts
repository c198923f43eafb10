import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { handoffCounts } from './handoffCounts'

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
    handler: async (_ctx, { query }) => ({ rows: await handoffCounts(query.from, query.to) }),
  }),
]

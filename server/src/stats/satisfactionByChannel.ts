import { caseSources, ratedVia, type CaseSource, type RatedVia, type Rating } from '@minqing/shared'
import type { Types } from 'mongoose'
import { z } from 'zod'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { defineRoute } from '../http/defineRoute'
import { capPeriod } from './period'
import { statsScope } from './scope'
// Response schemas (issue 12)
import { satisfactionByChannelResponseSchema } from '@minqing/shared'

interface Counts {
  rated: number
  satisfied: number
  basicallySatisfied: number
  unsatisfied: number
  satisfactionRate: number | null
}

const empty = (): Counts => ({
  rated: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
  satisfactionRate: null,
})

function add(counts: Counts, rating: Rating) {
  counts.rated++
  if (rating === 'satisfied') counts.satisfied++
  else if (rating === 'basically_satisfied') counts.basicallySatisfied++
  else counts.unsatisfied++
  counts.satisfactionRate = (counts.satisfied + counts.basicallySatisfied) / counts.rated
}

export const satisfactionByChannelDefinition =
  '满意率（分渠道）=（满意 + 基本满意）÷ 期间内的评价次数；每次评价（case 的 rate 事件）计一次，按诉求来源渠道归类，并按评价方式（小程序、短信回复、短信链接、电话回访）细分；无评价时为空'

/**
 * 满意率 per channel the case came in by (hotline, app, visit…), and per way the rating was
 * obtained: every `rate` event of the period counts once (a reopened case rated again counts
 * again, as in the three rates). Events without `ratedVia` were made in the app.
 */
export async function satisfactionByChannel(from: Date, to: Date, scope: Types.ObjectId[] | null) {
  const events = await CaseEventModel.find(
    { action: 'rate', at: { $gte: from, $lt: to } },
    { caseId: 1, data: 1 },
  )
  const ids = [...new Set(events.map((event) => String(event.caseId)))]
  const cases = ids.length
    ? await CaseModel.find(
        { _id: { $in: ids }, ...(scope ? { involvedUnitIds: { $in: scope } } : {}) },
        { source: 1 },
      )
    : []
  const sourceOf = new Map(cases.map((record) => [String(record._id), record.source as CaseSource]))
  const bySource = new Map<CaseSource, Counts & { byRatedVia: Partial<Record<RatedVia, Counts>> }>()
  const total = empty()
  for (const event of events) {
    const source = sourceOf.get(String(event.caseId))
    const data = (event.data ?? {}) as { rating?: Rating; ratedVia?: RatedVia }
    if (!source || !data.rating) continue
    const via: RatedVia = data.ratedVia && ratedVia.includes(data.ratedVia) ? data.ratedVia : 'app'
    const row = bySource.get(source) ?? { ...empty(), byRatedVia: {} }
    add(row, data.rating)
    add((row.byRatedVia[via] ??= empty()), data.rating)
    add(total, data.rating)
    bySource.set(source, row)
  }
  return {
    definition: satisfactionByChannelDefinition,
    total,
    rows: caseSources.flatMap((source) => {
      const row = bySource.get(source)
      return row ? [{ source, ...row }] : []
    }),
  }
}

export const satisfactionByChannelRoutes = [
  defineRoute({
    method: 'get',
    path: '/stats/satisfaction-by-channel',
    access: ['admin', 'leader'],
    summary:
      '满意率 per intake channel (hotline, app, visit…) and per way of rating (app, SMS, link, phone follow-up)',
    query: z
      .object({ from: z.coerce.date(), to: z.coerce.date() })
      .refine((period) => period.from < period.to, {
        message: '开始时间须早于结束时间 / from must be before to',
        path: ['to'],
      }),
    response: satisfactionByChannelResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      capPeriod(query.from, query.to)
      return satisfactionByChannel(query.from, query.to, await statsScope(viewer))
    },
  }),
]

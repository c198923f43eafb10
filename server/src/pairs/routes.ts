import { pairInputSchema } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { PairModel } from './pair.model'
import { createPair, findOwnPair, pairVisits, presentPairs } from './pairs'
// Response schemas (issue 12)
import {
  pairDetailResponseSchema,
  pairEndedResponseSchema,
  pairListResponseSchema,
  pairViewSchema,
} from '@minqing/shared'

const idParams = z.object({ id: z.string().max(64) })

export const pairRoutes = [
  defineRoute({
    method: 'post',
    path: '/pairs',
    access: ['staff', 'leader'],
    summary: '结对帮扶: pair yourself with a household you will revisit every N days',
    body: pairInputSchema,
    status: 201,
    response: pairViewSchema,
    handler: async (ctx, { body, viewer }) => {
      const now = ctx.deps.clock.now()
      return (await presentPairs([await createPair(viewer, body, now)], now))[0]
    },
  }),
  defineRoute({
    method: 'get',
    path: '/pairs',
    access: ['staff', 'leader'],
    summary: 'Your current pairs, overdue revisits first (household contact masked)',
    response: pairListResponseSchema,
    handler: async (ctx, { viewer }) => {
      const pairs = await PairModel.find({ staffId: viewer.userId, endedAt: null }).limit(500)
      const items = await presentPairs(pairs, ctx.deps.clock.now())
      items.sort((a, b) => a.revisit.daysLeft - b.revisit.daysLeft)
      return { items }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/pairs/:id',
    access: ['staff', 'leader'],
    summary: "One of your pairs with the household's full contact and the history of your visits",
    params: idParams,
    response: pairDetailResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const pair = await findOwnPair(viewer, params.id)
      const [summary] = await presentPairs([pair], ctx.deps.clock.now())
      const visits = await pairVisits(pair)
      return {
        ...summary,
        // Named fields: spreading the mongoose subdocument sent its internals ($__, _doc) along.
        household: {
          name: pair.household.name ?? '',
          address: pair.household.address ?? '',
          phone: pair.household.phone ?? null,
          tags: pair.household.tags ?? [],
        },
        notes: pair.notes,
        history: visits.map((visit) => ({
          id: String(visit._id),
          visitedAt: visit.visitedAt.toISOString(),
          purposes: (visit.content as { purposes: string[] }).purposes,
          notes: (visit.content as { notes: string }).notes,
        })),
      }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/pairs/:id',
    access: ['staff', 'leader'],
    summary: 'End a pair (its history stays)',
    params: idParams,
    response: pairEndedResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const pair = await findOwnPair(viewer, params.id)
      pair.endedAt = pair.endedAt ?? ctx.deps.clock.now()
      await pair.save()
      return { id: String(pair._id), endedAt: pair.endedAt.toISOString() }
    },
  }),
]

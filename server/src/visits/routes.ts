import { maskAddress, maskPhone, visitSyncInputSchema } from '@minqing/shared'
import type { FilterQuery } from 'mongoose'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { subtreeUnitIds } from '../units/unitTree'
import { syncVisits } from './syncVisits'
import { VisitModel } from './visit.model'

export const visitRoutes = [
  defineRoute({
    method: 'post',
    path: '/visits/sync',
    access: ['staff', 'leader'],
    summary: 'Upload visits recorded offline; one result per item, in order; idempotent per clientId',
    body: visitSyncInputSchema,
    handler: async (ctx, { body, viewer }) => ({ results: await syncVisits(ctx.deps, viewer, body.visits) }),
  }),
  defineRoute({
    method: 'get',
    path: '/visits',
    access: ['staff', 'leader', 'admin'],
    summary: "The caller's visits, or (leaders) their unit subtree's; household phone and address masked",
    query: z.object({
      scope: z.enum(['mine', 'unit']).default('mine'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async (_ctx, { query, viewer }) => {
      const filter: FilterQuery<unknown> =
        query.scope === 'unit' && viewer.role !== 'staff' && viewer.unitId
          ? { unitId: { $in: await subtreeUnitIds(viewer.unitId) } }
          : { createdBy: viewer.userId }
      const visits = await VisitModel.find(filter).sort({ visitedAt: -1 }).limit(query.limit)
      return {
        items: visits.map((visit) => {
          const content = visit.content as {
            household: { name: string; address: string; phone?: string; tags: string[] }
            purposes: string[]
            notes: string
          }
          return {
            id: visit.id as string,
            clientId: visit.clientId,
            revision: visit.revision,
            visitedAt: visit.visitedAt.toISOString(),
            household: {
              name: content.household.name,
              address: maskAddress(content.household.address),
              phone: maskPhone(content.household.phone),
              tags: content.household.tags,
            },
            purposes: content.purposes,
            notes: content.notes,
          }
        }),
      }
    },
  }),
]

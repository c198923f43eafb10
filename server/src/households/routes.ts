import {
  householdContactSchema,
  householdInputSchema,
  householdListSchema,
  householdPageSchema,
  householdSearchQuerySchema,
  householdSummarySchema,
} from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { createHousehold } from './createHousehold'
import { revealHouseholdContact } from './revealHouseholdContact'
import { householdPage } from './householdPage'
import { findVisibleHousehold } from './householdScope'
import { presentHouseholdSummary } from './presentHousehold'
import { searchHouseholds } from './searchHouseholds'

const idParams = z.object({ id: z.string().max(64) })

export const householdRoutes = [
  defineRoute({
    method: 'post',
    path: '/households',
    access: ['staff', 'leader'],
    summary: '民情档案: register a household (address, grid, members, tags, contact) under your unit',
    body: householdInputSchema,
    status: 201,
    response: householdSummarySchema,
    handler: async (ctx, { body, viewer }) =>
      presentHouseholdSummary(await createHousehold(viewer, body, ctx.deps.urlSecret)),
  }),
  defineRoute({
    method: 'get',
    path: '/households',
    access: ['staff', 'leader', 'admin'],
    summary:
      "Find households of your unit's subtree by the head's or a member's name or the address (contact masked)",
    query: householdSearchQuerySchema,
    response: householdListSchema,
    handler: async (_ctx, { query, viewer }) => ({
      items: (await searchHouseholds(viewer, query.q, query.limit)).map(presentHouseholdSummary),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/households/:id',
    access: ['staff', 'leader', 'admin'],
    summary: 'The household page: members, tags, every visit, case, follow-up and pair, whoever recorded it',
    params: idParams,
    response: householdPageSchema,
    handler: async (_ctx, { params, viewer }) => householdPage(await findVisibleHousehold(viewer, params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/households/:id/contact',
    access: ['staff', 'leader', 'admin'],
    summary:
      "Reveal a household's phone and full address; the view is logged first (who, when, which fields)",
    params: idParams,
    response: householdContactSchema,
    handler: async (ctx, { params, viewer }) =>
      revealHouseholdContact(viewer, await findVisibleHousehold(viewer, params.id), ctx.deps.clock.now()),
  }),
]

import { scopeFilter, writeTenant } from '../tenants/tenantScope'
import {
  AppError,
  knowledgeEntryInputSchema,
  knowledgeEntryListSchema,
  knowledgeEntryPatchSchema,
  knowledgeEntrySchema,
  knowledgeHitListSchema,
  knowledgeHitSchema,
  knowledgeSearchPolicy,
  knowledgeSearchQuerySchema,
  objectIdSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { enforceRateLimit } from '../rateLimit/rateLimit'
import { KnowledgeEntryModel, presentKnowledgeEntry, publishedKnowledge } from './knowledgeEntry.model'
import { searchEntries } from './searchIndex'
import { publicTenant, tenantCodeQuery } from '../tenants/publicTenant'

/** The published entries of one district (null: every district's); the index itself is shared. */
async function publishedIn(tenantId: string | null) {
  const indexed = await publishedKnowledge.get()
  if (!tenantId) return indexed
  const ours = new Set(
    (
      await KnowledgeEntryModel.find({ published: true, ...scopeFilter({ tenantId }) }, { _id: 1 }).lean()
    ).map((row) => String(row._id)),
  )
  return indexed.filter((hit) => ours.has(hit.entry.id))
}

const byId = z.object({ id: objectIdSchema })
const caseWorkers = ['handler', 'staff', 'leader', 'admin', 'operator'] as const

export const knowledgeRoutes = [
  defineRoute({
    method: 'get',
    path: '/knowledge',
    access: ['admin'],
    summary: 'Every knowledge-base entry (问答库), drafts included, newest first',
    response: knowledgeEntryListSchema,
    handler: async (_ctx, { viewer }) => ({
      items: (await KnowledgeEntryModel.find(scopeFilter(viewer)).sort({ _id: -1 })).map(
        presentKnowledgeEntry,
      ),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/knowledge',
    access: ['admin'],
    summary: 'Add a knowledge-base entry (a draft unless published is true)',
    body: knowledgeEntryInputSchema,
    status: 201,
    response: knowledgeEntrySchema,
    handler: async (_ctx, { body, viewer }) =>
      presentKnowledgeEntry(await KnowledgeEntryModel.create({ ...body, tenantId: writeTenant(viewer) })),
  }),
  defineRoute({
    method: 'patch',
    path: '/knowledge/:id',
    access: ['admin'],
    summary: 'Change a knowledge-base entry, or publish / withdraw it',
    params: byId,
    body: knowledgeEntryPatchSchema,
    response: knowledgeEntrySchema,
    handler: async (_ctx, { params, body, viewer }) => {
      const updated = await KnowledgeEntryModel.findOneAndUpdate(
        { _id: params.id, ...scopeFilter(viewer) },
        { $set: body },
        { new: true },
      )
      if (!updated) throw new AppError('NOT_FOUND')
      return presentKnowledgeEntry(updated)
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/knowledge/:id',
    access: ['admin'],
    summary: 'Delete a knowledge-base entry',
    params: byId,
    response: z.object({ deleted: z.literal(true) }),
    handler: async (_ctx, { params, viewer }) => {
      if (!(await KnowledgeEntryModel.findOneAndDelete({ _id: params.id, ...scopeFilter(viewer) })))
        throw new AppError('NOT_FOUND')
      return { deleted: true as const }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/knowledge/search',
    access: caseWorkers,
    summary: 'Search the published entries (jieba words and keywords), for a reply from the case page',
    query: knowledgeSearchQuerySchema,
    response: knowledgeHitListSchema,
    handler: async (_ctx, { query, viewer }) => {
      // Staff answer from their own district's entries (tenants/); the index itself is shared.
      return { items: searchEntries(await publishedIn(viewer.tenantId ?? null), query.q, query) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/public/knowledge/search',
    access: 'public',
    summary:
      '你可能想知道: published entries for what a resident is typing (one district with ?tenant=); rate-limited per client IP',
    query: knowledgeSearchQuerySchema.extend({ tenant: tenantCodeQuery }),
    response: knowledgeHitListSchema,
    handler: async (ctx, { query, viewer }) => {
      const tenant = await publicTenant(query.tenant, viewer)
      await enforceRateLimit(
        {
          key: `knowledge-search:ip:${ctx.ip}`,
          max: knowledgeSearchPolicy.perIpPerMinute,
          windowSeconds: 60,
        },
        ctx.deps.clock.now(),
      )
      return { items: searchEntries(await publishedIn(tenant), query.q, query) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/public/knowledge/:id',
    access: 'public',
    summary: 'One published entry, to read in full',
    params: byId,
    query: z.object({ tenant: tenantCodeQuery }),
    response: knowledgeHitSchema,
    handler: async (_ctx, { params, query, viewer }) => {
      const tenant = await publicTenant(query.tenant, viewer)
      const hit = (await publishedIn(tenant)).find((indexed) => indexed.entry.id === params.id)
      if (!hit) throw new AppError('NOT_FOUND')
      const { published: _published, keywords: _keywords, ...entry } = hit.entry
      return entry
    },
  }),
]

import { objectIdSchema } from '@minqing/shared'
import type { FilterQuery } from 'mongoose'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { ContactViewModel, type ContactViewDocument } from './contactView.model'
// Response schemas (issue 12)
import { contactViewsResponseSchema } from '@minqing/shared'

const contactViewsQuery = z.object({
  caseId: objectIdSchema.optional(),
  viewerId: objectIdSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

function presentContactView(row: ContactViewDocument) {
  return {
    id: String(row._id),
    viewerId: String(row.viewerId),
    viewerRole: row.viewerRole,
    viewerUnitId: row.viewerUnitId ? String(row.viewerUnitId) : null,
    caseId: String(row.caseId),
    caseNumber: row.caseNumber,
    fields: [...row.fields],
    at: row.at.toISOString(),
  }
}

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit/contact-views',
    access: ['admin'],
    summary: "Who viewed which case's contact details, and when (newest first), by case or by viewer",
    query: contactViewsQuery,
    response: contactViewsResponseSchema,
    handler: async (_ctx, { query }) => {
      const filter: FilterQuery<ContactViewDocument> = {}
      if (query.caseId) filter.caseId = query.caseId
      if (query.viewerId) filter.viewerId = query.viewerId
      const [rows, total] = await Promise.all([
        ContactViewModel.find(filter)
          .sort({ at: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize),
        ContactViewModel.countDocuments(filter),
      ])
      return { items: rows.map(presentContactView), total, page: query.page, pageSize: query.pageSize }
    },
  }),
]

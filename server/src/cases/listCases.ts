import { scopeFilter } from '../tenants/tenantScope'
import {
  AppError,
  caseStatusSchema,
  chinaDays,
  objectIdSchema,
  openStatuses,
  type CaseStatus,
} from '@minqing/shared'
import type { FilterQuery } from 'mongoose'
import { z } from 'zod'
import type { Viewer } from '../http/defineRoute'
import { subtreeUnitIds } from '../units/unitTree'
import { CaseModel, type CaseRecord } from './case.model'
import { escapeRegex } from '../db/escapeRegex'
import { findAnyOf, type SortSpec } from '../db/findAnyOf'
import { inboxFilters } from './inboxFilters'

export const listCasesQuerySchema = z.object({
  /** inbox: open cases my unit must work, due soonest first; handled: every case my unit held;
   *  queue: the dispatch centre's manual queue; owned: a leader's 包案 cases; all: everything
   *  the caller may see. */
  scope: z.enum(['inbox', 'handled', 'queue', 'owned', 'all']).default('all'),
  status: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined
      const parsed = z.array(caseStatusSchema).safeParse(value.split(','))
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: '状态无效 / Unknown status' })
        return z.NEVER
      }
      return parsed.data
    }),
  /** Only cases whose running deadline has passed. */
  overdue: z.enum(['true', 'false']).optional(),
  /** Filters of the admin console's case table. */
  unitId: objectIdSchema.optional(),
  categoryCode: z
    .string()
    .regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/)
    .max(64)
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** A case number, or words of the title. */
  q: z.string().trim().min(1).max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>

export async function listCases(viewer: Viewer, query: ListCasesQuery, now: Date) {
  const filter: FilterQuery<CaseRecord> = {}
  let sort: SortSpec = { createdAt: -1 }
  /** The unit whose inbox this is: its query is built from equalities at the end. */
  let inboxOf: string | undefined

  if (viewer.role === 'resident') {
    filter.$or = [{ createdBy: viewer.userId }, { followers: viewer.userId }]
  } else if (query.scope === 'owned') {
    filter.ownerLeaderId = viewer.userId
  } else if (query.scope === 'queue') {
    if (viewer.role !== 'admin') throw new AppError('FORBIDDEN')
    // Cases waiting for a person: unrouted, returned, or disputed by the unit they went to.
    filter.$or = [
      { status: { $in: ['submitted', 'returned'] satisfies CaseStatus[] } },
      { 'objection.status': 'pending' },
    ]
    sort = { createdAt: 1 }
  } else if (viewer.role !== 'admin' || query.scope === 'inbox' || query.scope === 'handled') {
    if (!viewer.unitId) throw new AppError('FORBIDDEN')
    if (query.scope === 'inbox') {
      // Lead unit's cases and those it helps with (协办), open ones unless a status is asked for.
      inboxOf = viewer.unitId
      sort = { 'deadlines.dueAt': 1, createdAt: 1 }
    } else if (query.scope === 'handled') {
      filter.involvedUnitIds = viewer.unitId
    } else {
      filter.$or = [
        { unitId: { $in: await subtreeUnitIds(viewer.unitId) } },
        { involvedUnitIds: viewer.unitId },
      ]
    }
  }
  // A tenant admin's console lists their district's cases only (tenants/).
  if (viewer.role === 'admin') Object.assign(filter, scopeFilter(viewer))
  if (query.status && !inboxOf) filter.status = { $in: query.status }
  // Console filters narrow whatever the scope allows (and never widen it: they join with $and).
  const narrow: Array<FilterQuery<CaseRecord>> = []
  if (query.unitId) narrow.push({ unitId: query.unitId })
  if (query.categoryCode)
    narrow.push({ categoryCode: { $regex: `^${escapeRegex(query.categoryCode)}(\\.|$)` } })
  if (query.from) narrow.push({ submittedAt: { $gte: chinaDays(query.from, query.from).from } })
  if (query.to) narrow.push({ submittedAt: { $lte: chinaDays(query.to, query.to).to } })
  if (query.q)
    narrow.push({ $or: [{ number: query.q }, { title: { $regex: escapeRegex(query.q), $options: 'i' } }] })
  if (narrow.length) filter.$and = narrow
  if (query.overdue === 'true') filter['deadlines.dueAt'] = { $lt: now }

  // _id last: equal keys must come back in one order, or pages overlap (PostgreSQL reorders ties).
  sort = { ...sort, _id: 1 }
  const page = { skip: (query.page - 1) * query.pageSize, limit: query.pageSize }
  const alternatives = inboxOf ? inboxFilters(inboxOf, query.status ?? openStatuses, filter) : [filter]
  return findAnyOf(CaseModel, alternatives, sort, page)
}

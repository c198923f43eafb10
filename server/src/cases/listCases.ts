import { AppError, caseStatusSchema, openStatuses, type CaseStatus } from '@minqing/shared'
import type { FilterQuery, SortOrder } from 'mongoose'
import { z } from 'zod'
import type { Viewer } from '../http/defineRoute'
import { subtreeUnitIds } from '../units/unitTree'
import { CaseModel, type CaseRecord } from './case.model'

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
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>

export async function listCases(viewer: Viewer, query: ListCasesQuery, now: Date) {
  const filter: FilterQuery<CaseRecord> = {}
  let sort: Record<string, SortOrder> = { createdAt: -1 }

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
      // Lead unit's cases and those it helps with (协办)
      filter.$or = [{ unitId: viewer.unitId }, { coUnitIds: viewer.unitId }]
      filter.status = { $in: [...openStatuses] }
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
  if (query.status) filter.status = { $in: query.status }
  if (query.overdue === 'true') filter['deadlines.dueAt'] = { $lt: now }

  const [items, total] = await Promise.all([
    CaseModel.find(filter)
      .sort(sort)
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize),
    CaseModel.countDocuments(filter),
  ])
  return { items, total }
}

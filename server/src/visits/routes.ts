import { unitWithinTenant } from '../tenants/tenantScope'
import { AppError, objectIdSchema, visitPageSchema, visitSyncInputSchema } from '@minqing/shared'
import mongoose, { type FilterQuery } from 'mongoose'
import { z } from 'zod'
import { CaseModel } from '../cases/case.model'
import { defineRoute, type Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { isInSubtree, subtreeUnitIds } from '../units/unitTree'
import { presentVisitDetail, presentVisitSummary } from './presentVisit'
import { syncVisits } from './syncVisits'
import { afterCursor, visitCursor, visitCursorSchema, visitSort } from './visitCursor'
import { VisitModel, VisitRevisionModel, type VisitDocument } from './visit.model'
// Response schemas (issue 12)
import { visitDetailResponseSchema, visitSyncResponseSchema } from '@minqing/shared'

/** The author and companions read a visit; leaders and admins read their unit subtree's. */
export async function canReadVisit(viewer: Viewer, visit: VisitDocument): Promise<boolean> {
  if (visit.visitorIds.some((id) => String(id) === viewer.userId)) return true
  if (viewer.role === 'admin') return unitWithinTenant(viewer, visit.unitId)
  if (viewer.role !== 'leader' || !viewer.unitId || !visit.unitId) return false
  const unit = await UnitModel.findById(visit.unitId, { path: 1 })
  return unit !== null && isInSubtree(viewer.unitId, unit)
}

export const visitRoutes = [
  defineRoute({
    method: 'post',
    path: '/visits/sync',
    access: ['staff', 'leader'],
    summary: 'Upload visits recorded offline; one result per item, in order; idempotent per clientId',
    body: visitSyncInputSchema,
    response: visitSyncResponseSchema,
    handler: async (ctx, { body, viewer }) => ({ results: await syncVisits(ctx.deps, viewer, body.visits) }),
  }),
  defineRoute({
    method: 'get',
    path: '/visits',
    access: ['staff', 'leader', 'admin'],
    summary:
      "The caller's visits, or (leaders) their unit subtree's, newest first, paged by cursor; household phone and address masked",
    query: z.object({
      scope: z.enum(['mine', 'unit']).default('mine'),
      household: objectIdSchema.optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: visitCursorSchema.optional(),
    }),
    response: visitPageSchema,
    handler: async (_ctx, { query, viewer }) => {
      const owner: FilterQuery<unknown> =
        query.scope === 'unit' && viewer.role !== 'staff' && viewer.unitId
          ? { unitId: { $in: await subtreeUnitIds(viewer.unitId) } }
          : { visitorIds: viewer.userId }
      if (query.household) owner.householdId = query.household
      const filter = query.cursor ? { $and: [owner, afterCursor(query.cursor)] } : owner
      // One more than asked tells whether another page exists.
      const visits = await VisitModel.find(filter)
        .sort(visitSort)
        .limit(query.limit + 1)
      const page = visits.slice(0, query.limit)
      const last = page.at(-1)
      return {
        items: page.map(presentVisitSummary),
        nextCursor: visits.length > query.limit && last ? visitCursor(last) : null,
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/visits/:id',
    access: ['staff', 'leader', 'admin'],
    summary:
      'One visit in full (author, companions, leaders above): household, photos, problems → cases, revisions',
    params: z.object({ id: z.string().max(64) }),
    response: visitDetailResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const visit = mongoose.isValidObjectId(params.id) ? await VisitModel.findById(params.id) : null
      if (!visit || !(await canReadVisit(viewer, visit))) throw new AppError('NOT_FOUND')
      const caseIds = visit.problemCaseIds ?? []
      const cases = await CaseModel.find({ _id: { $in: caseIds } }, { number: 1, status: 1, unitId: 1 })
      const revisions = await VisitRevisionModel.find(
        { visitId: visit._id },
        { revision: 1, by: 1, at: 1 },
      ).sort({
        revision: 1,
      })
      return presentVisitDetail(visit, {
        urlSecret: ctx.deps.urlSecret,
        now: ctx.deps.clock.now(),
        cases: caseIds.map((id) => {
          const record = cases.find((item) => String(item._id) === String(id))
          return {
            id: String(id),
            number: record?.number ?? '',
            status: record?.status ?? 'unknown',
            unitId: record?.unitId ? String(record.unitId) : null,
          }
        }),
        revisions: revisions.map((revision) => ({
          revision: revision.revision,
          by: String(revision.by),
          at: revision.at,
        })),
      })
    },
  }),
]

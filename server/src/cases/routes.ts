import { caseSettings } from '../settings/currentSettings'
import { assertUnitInTenant } from '../tenants/tenantScope'
import { unitsNamedIn } from '../tenants/unitsNamedIn'
import {
  AppError,
  locationSchema,
  objectIdSchema,
  roles,
  submitCaseInputSchema,
  transitionInputSchema,
} from '@minqing/shared'
import { z } from 'zod'
import type { Context } from 'koa'
import { UnitModel, type UnitDocument } from '../units/unit.model'
import { defineRoute, type Viewer } from '../http/defineRoute'
import { applyTransition } from './applyTransition'
import type { CaseDocument } from './case.model'
import { CaseEventModel } from './caseEvent.model'
import { listCases, listCasesQuerySchema } from './listCases'
import { canSeeContact, loadReadableCase, loadVisibleCase } from './policy'
import { presentCase, presentTimeline } from './presentCase'
import { presentPublicCase, presentPublicTimeline } from './publicView'
import { revealContact } from './revealContact'
import { districtOfQuestion } from './districts'
import { signFileUrl } from '../files/signedUrl'
import { suggestUnits } from '../routing/suggestUnits'
import { districtOfCase, findVisibleSimilarCases, presentSimilar } from './similarCases'
import { submitCase } from './submitCase'
import { followCase } from './followCase'
// Response schemas (issue 12)
import {
  caseContactResponseSchema,
  caseDetailResponseSchema,
  caseListResponseSchema,
  caseViewSchema,
  publicCaseViewSchema,
  similarCasesResponseSchema,
} from '@minqing/shared'

const idParams = z.object({ id: objectIdSchema })

/** A case as its detail view shows it, with signed photo URLs. */
function presentDetail(ctx: Context, record: CaseDocument, viewer: Viewer, currentUnit: UnitDocument | null) {
  const { clock, urlSecret } = ctx.deps
  return presentCase(record, viewer, {
    detail: true,
    now: clock.now(),
    limits: caseSettings(ctx.deps, record).limits,
    urlSecret,
    currentUnit,
  })
}

/** The view the caller is entitled to: full for those who may read the case, else public. */
function presentFor(
  ctx: Context,
  record: CaseDocument,
  viewer: Viewer,
  view: 'full' | 'public',
  currentUnit: UnitDocument | null = null,
) {
  const { clock, urlSecret } = ctx.deps
  return view === 'full'
    ? presentDetail(ctx, record, viewer, currentUnit)
    : presentPublicCase(record, {
        now: clock.now(),
        limits: caseSettings(ctx.deps, record).limits,
        urlSecret,
      })
}

const similarBodySchema = z.object({
  categoryCode: z.string().regex(/^[a-z0-9_.-]{1,64}$/),
  title: z.string().max(200).default(''),
  description: z.string().max(4000).default(''),
  location: locationSchema.optional(),
})

export const caseRoutes = [
  defineRoute({
    method: 'post',
    path: '/cases/similar',
    access: roles,
    summary:
      "Possible duplicates of a case about to be submitted, in the place's district (the resident can follow one instead)",
    body: similarBodySchema,
    response: similarCasesResponseSchema,
    handler: async (ctx, { body, viewer }) => {
      const districtId = await districtOfQuestion(body, viewer)
      const matches = await findVisibleSimilarCases(body, ctx.deps.clock.now(), { viewer, districtId })
      return { items: matches.map(presentSimilar) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/similar',
    access: ['handler', 'leader', 'admin'],
    summary: 'Possible duplicates of an existing case in its district, for the dispatcher to merge (并单)',
    params: idParams,
    response: similarCasesResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const { record } = await loadReadableCase(viewer, params.id)
      const matches = await findVisibleSimilarCases(record, ctx.deps.clock.now(), {
        viewer,
        districtId: await districtOfCase(record),
        excludeId: String(record._id),
      })
      return { items: matches.map(presentSimilar) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/follow',
    access: ['resident'],
    summary:
      'Follow an existing public case instead of filing a duplicate ("me too"); answers with its public view',
    params: idParams,
    response: publicCaseViewSchema,
    handler: async (ctx, { params, viewer }) => {
      const followed = await followCase(viewer, params.id, ctx.deps.clock.now())
      return presentFor(ctx, followed, viewer, 'public')
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases',
    access: ['resident'],
    summary: 'Submit a case; idempotent on clientId; answers with the routing decision',
    body: submitCaseInputSchema,
    // 201 when created; 200 when the clientId was seen before (the handler sets which).
    status: 201,
    replayStatus: 200,
    response: caseViewSchema,
    handler: async (ctx, { body, viewer }) => {
      const { record, created } = await submitCase(ctx.deps, viewer, body, {
        limits: { clientIp: ctx.ip },
      })
      ctx.status = created ? 201 : 200
      ctx.body = presentDetail(ctx, record, viewer, null)
      return undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases',
    access: roles,
    summary:
      "Cases the caller may see: a resident's own and followed ones, a unit's inbox, the dispatch queue",
    query: listCasesQuerySchema,
    response: caseListResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      const now = ctx.deps.clock.now()
      const { items, total } = await listCases(viewer, query, now)
      const units = await UnitModel.find(
        { _id: { $in: items.map((record) => record.unitId) } },
        { name: 1, path: 1 },
      )
      const unitsById = new Map(units.map((unit) => [String(unit._id), unit]))
      return {
        items: items.map((record) => {
          // Each case's warning share is its district's.
          const { limits } = caseSettings(ctx.deps, record)
          return {
            // A resident's list also holds the cases they follow: those in the public view.
            ...(viewer.role === 'resident' && String(record.createdBy) !== viewer.userId
              ? presentPublicCase(record, { now, limits })
              : presentCase(record, viewer, {
                  detail: false,
                  now,
                  limits,
                  currentUnit: unitsById.get(String(record.unitId)) ?? null,
                })),
            unitName: record.unitId ? (unitsById.get(String(record.unitId))?.name ?? null) : null,
          }
        }),
        total,
        page: query.page,
        pageSize: query.pageSize,
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id',
    access: roles,
    summary: 'One case with its timeline (followers get the public view)',
    params: idParams,
    response: caseDetailResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const { record, unit, view } = await loadVisibleCase(viewer, params.id)
      const events = await CaseEventModel.find({ caseId: record._id }).sort({ seq: 1 })
      const signUrl = (fileId: string) => signFileUrl(ctx.deps.urlSecret, fileId, ctx.deps.clock.now())
      if (view === 'public') {
        return {
          ...presentFor(ctx, record, viewer, 'public'),
          unitName: unit?.name ?? null,
          timeline: presentPublicTimeline(record, events, signUrl),
        }
      }
      const waiting =
        viewer.role === 'admin' && (record.status === 'submitted' || record.status === 'returned')
      return {
        suggestedUnits: waiting ? await suggestUnits(record, ctx.deps.clock.now()) : [],
        ...presentDetail(ctx, record, viewer, unit),
        unitName: unit?.name ?? null,
        timeline: presentTimeline(events, viewer, signUrl),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/contact',
    access: ['handler', 'leader', 'admin'],
    summary: "The resident's phone and name, for calling back; every answer is written to the audit log",
    params: idParams,
    response: caseContactResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const { record } = await loadReadableCase(viewer, params.id)
      if (!canSeeContact(viewer, record)) throw new AppError('FORBIDDEN')
      return revealContact(viewer, record, ctx.deps.clock.now())
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/transitions',
    access: ['resident', 'handler', 'leader', 'admin'],
    summary:
      'Move a case: dispatch / accept / reply / transfer / return / reject / resolve / rate / reopen / close / addInfo',
    params: idParams,
    body: transitionInputSchema,
    response: caseViewSchema,
    handler: async (ctx, { params, body, viewer }) => {
      // Dispatch, transfer, co-units: a tenant's people name their own district's units only.
      for (const unitId of unitsNamedIn(body)) await assertUnitInTenant(viewer, unitId)
      const record = await applyTransition(ctx.deps, viewer, params.id, body)
      const unit = record.unitId ? await UnitModel.findById(record.unitId) : null
      return presentDetail(ctx, record, viewer, unit)
    },
  }),
]

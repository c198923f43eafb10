import { scopeFilter } from '../tenants/tenantScope'
import { publicTenant, publicTenantFilter, tenantCodeQuery } from '../tenants/publicTenant'
import { AppError, objectIdSchema } from '@minqing/shared'
import { z } from 'zod'
import { CaseEventModel } from '../cases/caseEvent.model'
import { CaseModel } from '../cases/case.model'
import { CategoryModel } from '../categories/category.model'
import { defineRoute } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { EchoReportModel, EchoStateModel } from './echoWall.model'
import { decisionBodySchema, isHidden, logDecision, reportBodySchema } from '../moderation/moderation'
import { presentEchoItem } from './presentEchoItem'
import { isDuplicateKey, upsert } from '../db/duplicateKey'
import { escapeRegex } from '../db/escapeRegex'
import { EchoTextModel } from './echoText.model'
import { refreshEchoTexts, wallFilter } from './echoTexts'
import { requireVerifiedResident } from './verifiedResident'
// Response schemas (issue 12)
import {
  echoDecisionResponseSchema,
  echoModerationQueueResponseSchema,
  echoWallResponseSchema,
  reportResultResponseSchema,
} from '@minqing/shared'

export const echoWallRoutes = [
  defineRoute({
    method: 'get',
    path: '/echo-wall',
    access: 'public',
    summary:
      '回音壁: resolved cases whose residents consented, with the public reply; no names, phones or exact addresses; one district with ?tenant=',
    query: z.object({
      q: z.string().trim().max(50).optional(),
      categoryCode: z
        .string()
        .regex(/^[a-z0-9_.-]{1,64}$/)
        .optional(),
      page: z.coerce.number().int().min(1).max(500).default(1),
      pageSize: z.coerce.number().int().min(1).max(50).default(20),
      /** One district's wall (a district's link); without it, the resident's own, else every district's. */
      tenant: tenantCodeQuery,
    }),
    response: echoWallResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      const tenant = await publicTenant(query.tenant, viewer)
      await refreshEchoTexts()
      const hidden = (await EchoStateModel.find({ hidden: true }, { _id: 1 })).map((state) => state._id)
      const filter: Record<string, unknown> = {
        ...wallFilter,
        ...publicTenantFilter(tenant),
        _id: { $nin: hidden },
      }
      if (query.categoryCode) filter.categoryCode = { $regex: `^${escapeRegex(query.categoryCode)}` }
      if (query.q) {
        // Search what is shown: the stored stripped text, never the case's own fields.
        const matches = await EchoTextModel.find(
          { search: { $regex: escapeRegex(query.q), $options: 'i' } },
          { _id: 1 },
        ).lean()
        filter._id = { $nin: hidden, $in: matches.map((text) => text._id) }
      }
      const records = await CaseModel.find(filter)
        .sort({ submittedAt: -1 })
        .skip((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
      const ids = records.map((record) => record._id)
      const [texts, events, units, categories] = await Promise.all([
        EchoTextModel.find({ _id: { $in: ids } }).lean(),
        CaseEventModel.find(
          { caseId: { $in: ids }, public: true, action: 'resolve' },
          { caseId: 1, action: 1, at: 1, seq: 1 },
        ).sort({ seq: -1 }),
        UnitModel.find({ _id: { $in: records.map((record) => record.unitId) } }, { name: 1 }),
        CategoryModel.find(
          { code: { $in: records.map((record) => record.categoryCode) } },
          { code: 1, name: 1 },
        ),
      ])
      return {
        // A case that changed since the refresh above waits for the next read rather than showing raw text.
        items: records.flatMap((record) => {
          const text = texts.find((row) => String(row._id) === String(record._id))
          if (!text) return []
          return [
            presentEchoItem(record, {
              text,
              categoryName: categories.find((row) => row.code === record.categoryCode)?.name ?? null,
              unitName: units.find((unit) => String(unit._id) === String(record.unitId))?.name ?? null,
              resolvedAt: events.find((event) => String(event.caseId) === String(record._id))?.at ?? null,
            }),
          ]
        }),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/echo-wall/:id/reports',
    access: ['resident'],
    summary:
      'Report an echo-wall item (spam, offensive, off topic); once per verified resident (not guests); hidden after 3 until a moderator decides',
    params: z.object({ id: objectIdSchema }),
    body: reportBodySchema,
    status: 201,
    response: reportResultResponseSchema,
    handler: async (_ctx, { params, body, viewer }) => {
      await requireVerifiedResident(viewer.userId)
      if (!(await CaseModel.exists({ _id: params.id, ...wallFilter }))) throw new AppError('NOT_FOUND')
      try {
        await EchoReportModel.create({ caseId: params.id, userId: viewer.userId, reason: body.reason })
      } catch (error) {
        if (isDuplicateKey(error)) throw new AppError('DUPLICATE')
        throw error
      }
      const reports = await EchoReportModel.countDocuments({ caseId: params.id })
      const state = await EchoStateModel.findById(params.id)
      const hidden = isHidden(state?.decision as 'show' | 'hide' | null | undefined, reports)
      await upsert(EchoStateModel, { _id: params.id }, { $set: { reports, hidden } })
      return { reports, hidden }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/echo-wall/moderation',
    access: ['admin'],
    summary: 'Reported echo-wall items waiting for a decision, with their reports',
    response: echoModerationQueueResponseSchema,
    handler: async (_ctx, { viewer }) => {
      const found = await EchoStateModel.find({ reports: { $gt: 0 }, decision: null }).limit(200)
      // A tenant admin moderates their district's cases only (tenants/).
      const ours = viewer.tenantId
        ? new Set(
            (
              await CaseModel.find(
                { _id: { $in: found.map((state) => state._id) }, ...scopeFilter(viewer) },
                { _id: 1 },
              ).lean()
            ).map((record) => String(record._id)),
          )
        : null
      const states = ours ? found.filter((state) => ours.has(String(state._id))) : found
      const reports = await EchoReportModel.find({ caseId: { $in: states.map((state) => state._id) } })
      const cases = await CaseModel.find(
        { _id: { $in: states.map((state) => state._id) } },
        { number: 1, title: 1 },
      ).lean()
      const caseOf = (id: unknown) => cases.find((record) => String(record._id) === String(id))
      return {
        items: states.map((state) => ({
          caseId: String(state._id),
          number: caseOf(state._id)?.number ?? null,
          title: caseOf(state._id)?.title ?? null,
          reports: state.reports,
          hidden: state.hidden,
          reasons: reports
            .filter((report) => String(report.caseId) === String(state._id))
            .map((report) => report.reason),
        })),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/echo-wall/:id/moderation',
    access: ['admin'],
    summary: 'A moderator shows or hides a reported item; every decision is logged',
    params: z.object({ id: objectIdSchema }),
    body: decisionBodySchema,
    response: echoDecisionResponseSchema,
    handler: async (ctx, { params, body, viewer }) => {
      if (!(await CaseModel.exists({ _id: params.id, ...scopeFilter(viewer) })))
        throw new AppError('NOT_FOUND')
      const at = ctx.deps.clock.now()
      await logDecision({ caseId: params.id }, viewer.userId, body, at)
      await upsert(
        EchoStateModel,
        { _id: params.id },
        { $set: { decision: body.decision, hidden: body.decision === 'hide' } },
      )
      return { caseId: params.id, decision: body.decision, at: at.toISOString() }
    },
  }),
]

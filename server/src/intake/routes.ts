import { assertSameTenant, scopeFilter } from '../tenants/tenantScope'
import {
  AppError,
  caseLookupInputSchema,
  intakeInputSchema,
  intakePreviewSchema,
  maskName,
  maskPhone,
  objectIdSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { recordContactView } from '../audit/recordContactView'
import { CaseModel } from '../cases/case.model'
import { defineRoute } from '../http/defineRoute'
import { fileIntake } from './fileIntake'
import { IntakeCallModel } from './intakeCall.model'
import { lookupCase } from './lookupCase'
import { previewIntake } from './previewIntake'
// Response schemas (issue 12)
import {
  caseLookupResponseSchema,
  intakeContactResponseSchema,
  intakeFiledResponseSchema,
  intakeListResponseSchema,
  intakePreviewResponseSchema,
} from '@minqing/shared'

const intakeRoles = ['operator', 'admin'] as const

export const intakeRoutes = [
  defineRoute({
    method: 'post',
    path: '/intake/preview',
    access: intakeRoles,
    summary: 'Before saving a call: the routing decision, the time limit and open similar cases',
    body: intakePreviewSchema,
    response: intakePreviewResponseSchema,
    handler: (ctx, { body }) => previewIntake(ctx.deps, body),
  }),
  defineRoute({
    method: 'post',
    path: '/intake',
    access: intakeRoles,
    summary:
      'File a case for a caller (hotline, walk-in, letter…); idempotent on clientId; answers with the case number and the query code',
    body: intakeInputSchema,
    // 201 when created; 200 when the clientId was seen before (the handler sets which).
    status: 201,
    replayStatus: 200,
    response: intakeFiledResponseSchema,
    handler: async (ctx, { body, viewer }) => {
      const { record, intake, created } = await fileIntake(ctx.deps, viewer, body)
      ctx.status = created ? 201 : 200
      ctx.body = {
        id: String(record._id),
        number: record.number,
        queryCode: intake.queryCode,
        channel: intake.channel,
        status: record.status,
        unitId: record.unitId ? String(record.unitId) : null,
        routing: { kind: record.routing.kind, reason: record.routing.reason ?? '' },
        deadlines: {
          acceptBy: record.deadlines.acceptBy?.toISOString() ?? null,
          expectedAnswerBy: record.deadlines.expectedAnswerBy?.toISOString() ?? null,
        },
      }
      return undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/intake',
    access: intakeRoles,
    summary: 'Calls you filed (admins: everyone’s), newest first; callers masked',
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: intakeListResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      const calls = await IntakeCallModel.find(viewer.role === 'admin' ? {} : { operatorId: viewer.userId })
        .sort({ receivedAt: -1, _id: -1 })
        .limit(query.limit)
      const cases = await CaseModel.find(
        { _id: { $in: calls.map((call) => call.caseId) }, ...scopeFilter(viewer) },
        { number: 1, status: 1, title: 1 },
      )
      const byId = new Map(cases.map((record) => [String(record._id), record]))
      // A tenant admin sees the calls whose case is in their district (tenants/).
      const visible = viewer.tenantId ? calls.filter((call) => byId.has(String(call.caseId))) : calls
      return {
        items: visible.map((call) => {
          const record = byId.get(String(call.caseId))
          return {
            caseId: String(call.caseId),
            number: record?.number ?? null,
            status: record?.status ?? null,
            title: record?.title ?? null,
            channel: call.channel,
            caller: { name: maskName(call.caller.name) ?? null, phone: maskPhone(call.caller.phone) ?? null },
            wantsCallBack: call.wantsCallBack,
            receivedAt: call.receivedAt.toISOString(),
          }
        }),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/intake/:id/contact',
    access: intakeRoles,
    summary: "The caller's name and phone for a call back (回访); every answer is written to the audit log",
    params: z.object({ id: objectIdSchema }),
    response: intakeContactResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const call = await IntakeCallModel.findById(params.id)
      const record = call
        ? await CaseModel.findById(call.caseId, { number: 1, anonymisedAt: 1, tenantId: 1 })
        : null
      if (!call || !record || record.anonymisedAt) throw new AppError('NOT_FOUND')
      assertSameTenant(viewer, record)
      await recordContactView(viewer, record, ['phone', 'name'], ctx.deps.clock.now())
      return { name: call.caller.name, phone: call.caller.phone, wantsCallBack: call.wantsCallBack }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/public/case-lookup',
    access: 'public',
    summary:
      'A caller without an account looks a case up by phone + query code; wrong codes lock the phone for an hour',
    body: caseLookupInputSchema,
    response: caseLookupResponseSchema,
    handler: (ctx, { body }) => lookupCase(ctx.deps, body, ctx.ip),
  }),
]

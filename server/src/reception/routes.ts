import type { Viewer } from '../http/defineRoute'
import { assertUnitInTenant, tenantUnitIds } from '../tenants/tenantScope'
import {
  AppError,
  dutyRosterInputSchema,
  maskPhone,
  objectIdSchema,
  publicDutyNoticeSchema,
  receptionInputSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { CaseModel } from '../cases/case.model'
import { defineRoute } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { subtreeUnitIds } from '../units/unitTree'
import { chinaToday, listDuty, setDutyRoster } from './dutyRoster'
import { ReceptionModel } from './reception.model'
import { recordReception } from './recordReception'
// Response schemas (issue 12)
import {
  dutyRosterResponseSchema,
  dutyTodayResponseSchema,
  receptionListResponseSchema,
  receptionRecordedResponseSchema,
} from '@minqing/shared'

const day = z.iso.date()

/** A tenant admin's records are those of their district's units; a city-level admin's all. */
async function tenantUnitFilter(viewer: Viewer) {
  const units = await tenantUnitIds(viewer)
  return units ? { unitId: { $in: units } } : {}
}

export const receptionRoutes = [
  defineRoute({
    method: 'put',
    path: '/duty-roster',
    access: ['leader', 'admin'],
    summary: '开门接访 roster: set the duty leader of a unit for each listed day (replaces that day)',
    body: dutyRosterInputSchema,
    response: dutyRosterResponseSchema,
    handler: async (_ctx, { body, viewer }) => ({ items: await setDutyRoster(viewer, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/duty-roster',
    access: ['staff', 'leader', 'admin'],
    summary: "A unit's duty roster for a period (default: your unit, the next 31 days)",
    query: z.object({ unitId: objectIdSchema.optional(), from: day.optional(), to: day.optional() }),
    response: dutyRosterResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      const unitId = query.unitId ?? viewer.unitId
      if (viewer.role === 'admin') await assertUnitInTenant(viewer, unitId)
      if (!unitId)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'unitId', code: 'required', message: '请选择单位 / Choose a unit' }],
        })
      const from = query.from ?? chinaToday(ctx.deps.clock.now())
      const to = query.to ?? chinaToday(new Date(ctx.deps.clock.now().getTime() + 31 * 86_400_000))
      return { items: await listDuty({ unitId, from, to }) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/duty-roster/today',
    access: ['staff', 'leader', 'admin'],
    summary: "Today's reception duty: yours, and your unit's duty leader",
    response: dutyTodayResponseSchema,
    handler: async (ctx, { viewer }) => {
      const today = chinaToday(ctx.deps.clock.now())
      const mine = await listDuty({ leaderId: viewer.userId, from: today, to: today })
      const unit = viewer.unitId ? await listDuty({ unitId: viewer.unitId, from: today, to: today }) : []
      return { date: today, myDuty: mine, unitDuty: unit[0] ?? null }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/receptions',
    access: ['staff', 'leader'],
    summary:
      'Record a reception (who came, what they asked); each request becomes a routed case (source = reception)',
    body: receptionInputSchema,
    // 201 when created; 200 when the clientId was seen before (the handler sets which).
    status: 201,
    replayStatus: 200,
    response: receptionRecordedResponseSchema,
    handler: async (ctx, { body, viewer }) => {
      const { reception, created } = await recordReception(ctx.deps, viewer, body)
      const cases = await CaseModel.find(
        { _id: { $in: reception.caseIds } },
        { number: 1, unitId: 1, status: 1 },
      )
      ctx.status = created ? 201 : 200
      ctx.body = {
        id: String(reception._id),
        clientId: reception.clientId,
        receivedAt: reception.receivedAt.toISOString(),
        cases: reception.caseIds.map((caseId) => {
          const record = cases.find((item) => String(item._id) === String(caseId))
          return {
            id: String(caseId),
            number: record?.number ?? null,
            unitId: record?.unitId ? String(record.unitId) : null,
            status: record?.status ?? null,
          }
        }),
      }
      return undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/receptions',
    access: ['staff', 'leader', 'admin'],
    summary: "Reception records: your own, or (leaders, admins) your unit subtree's; visitor contact masked",
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: receptionListResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      const filter =
        viewer.role === 'staff' || !viewer.unitId
          ? viewer.role === 'admin'
            ? await tenantUnitFilter(viewer)
            : { createdBy: viewer.userId }
          : { unitId: { $in: await subtreeUnitIds(viewer.unitId) } }
      const records = await ReceptionModel.find(filter).sort({ receivedAt: -1 }).limit(query.limit)
      return {
        items: records.map((record) => ({
          id: String(record._id),
          receivedAt: record.receivedAt.toISOString(),
          visitor: { name: record.visitor.name, phone: maskPhone(record.visitor.phone) ?? null },
          notes: record.notes,
          caseIds: record.caseIds.map(String),
          solvedOnSite: record.solvedOnSite.map((item) => ({
            categoryCode: item.categoryCode ?? '',
            title: item.title ?? '',
            resolution: item.resolution ?? '',
          })),
        })),
      }
    },
  }),
  // The roster as a public notice (公示, issue 16): duty leaders are named as officials on duty;
  // nothing else about them, and no resident data, is shown.
  defineRoute({
    method: 'get',
    path: '/public/duty-roster',
    access: 'public',
    summary: '开门接访 notice: the next 14 days of a unit’s duty roster (date, duty leader, place)',
    query: z.object({ unitId: objectIdSchema }),
    response: publicDutyNoticeSchema,
    handler: async (ctx, { query }) => {
      const unit = await UnitModel.findById(query.unitId, { name: 1 })
      if (!unit) throw new AppError('NOT_FOUND')
      const from = chinaToday(ctx.deps.clock.now())
      const to = new Date(new Date(`${from}T12:00:00+08:00`).getTime() + 13 * 86_400_000)
      const entries = await listDuty({ unitId: query.unitId, from, to: chinaToday(to) })
      return {
        unitName: unit.name,
        days: entries.map((entry) => ({
          date: entry.date,
          leaderName: entry.leaderName,
          place: entry.place,
        })),
      }
    },
  }),
]

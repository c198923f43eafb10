import { caseSettings } from '../settings/currentSettings'
import { scopeFilter } from '../tenants/tenantScope'
import { caseTimeState, openStatuses } from '@minqing/shared'
import type { FilterQuery } from 'mongoose'
import { CaseModel, type CaseRecord } from '../cases/case.model'
import { presentCase } from '../cases/presentCase'
import { defineRoute } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { subtreeUnitIds } from '../units/unitTree'
import { overdueRectificationProblems } from '../rectification/overdueProblems'
// Response schemas (issue 12)
import { supervisionBoardResponseSchema } from '@minqing/shared'

export const supervisionRoutes = [
  defineRoute({
    method: 'get',
    path: '/supervision/board',
    access: ['leader', 'admin'],
    summary: 'The supervision board (督办看板): flagged (挂牌), overdue and warning cases, due soonest first',
    response: supervisionBoardResponseSchema,
    handler: async (ctx, { viewer }) => {
      const now = ctx.deps.clock.now()
      const filter: FilterQuery<CaseRecord> = {
        $or: [
          { status: { $in: [...openStatuses] }, 'deadlines.dueAt': { $ne: null } },
          { supervisionFlag: true },
        ],
      }
      if (viewer.role === 'leader' && viewer.unitId)
        filter.unitId = { $in: await subtreeUnitIds(viewer.unitId) }
      // A tenant admin's board is their district's cases (tenants/).
      if (viewer.role === 'admin') Object.assign(filter, scopeFilter(viewer))
      const records = await CaseModel.find(filter).sort({ 'deadlines.dueAt': 1, _id: 1 }).limit(500)
      const units = new Map(
        (await UnitModel.find({ _id: { $in: records.map((record) => record.unitId) } }, { path: 1 })).map(
          (unit) => [String(unit._id), unit],
        ),
      )
      const lanes = { flagged: [] as unknown[], overdue: [] as unknown[], warning: [] as unknown[] }
      for (const record of records) {
        // Each case is timed by its district's limits (a city admin's board holds several).
        const { limits } = caseSettings(ctx.deps, record)
        const item = presentCase(record, viewer, {
          detail: false,
          now,
          limits,
          urlSecret: ctx.deps.urlSecret,
          currentUnit: units.get(String(record.unitId)),
        })
        if (record.supervision?.flag?.level) lanes.flagged.push(item)
        if (!(openStatuses as readonly string[]).includes(record.status)) continue
        const state = caseTimeState(now, record, limits.warnShare)?.state
        if (state === 'overdue') lanes.overdue.push(item)
        else if (state === 'warning') lanes.warning.push(item)
      }
      // 整改台账: overdue rectification problems join the board as a lane of their own (issue #16).
      return { ...lanes, rectification: await overdueRectificationProblems(viewer, now) }
    },
  }),
]

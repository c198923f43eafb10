import { statsScope } from './scope'
import { openStatuses } from '@minqing/shared'
import type { Types } from 'mongoose'
import { CaseModel } from '../cases/case.model'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { subtreeUnitIds } from '../units/unitTree'

/**
 * Per unit, the cases it holds open right now and how many of those are past their running
 * deadline — a snapshot, not a period figure, so it is counted from the cases themselves (two
 * `$group` counts: FerretDB v1 has no `$cond` inside `$group`).
 */
export async function workload(viewer: Viewer, now: Date) {
  const scope: Types.ObjectId[] | null =
    viewer.role === 'leader' && viewer.unitId ? await subtreeUnitIds(viewer.unitId) : await statsScope(viewer)
  const base = {
    status: { $in: [...openStatuses] },
    unitId: scope ? { $in: scope } : { $ne: null },
  }
  const count = (match: object) =>
    CaseModel.aggregate<{ _id: unknown; count: number }>([
      { $match: match },
      { $group: { _id: '$unitId', count: { $sum: 1 } } },
    ])
  const [open, overdue] = await Promise.all([
    count(base),
    count({ ...base, 'deadlines.dueAt': { $lt: now } }),
  ])
  const overdueBy = new Map(overdue.map((row) => [String(row._id), row.count]))
  const names = new Map(
    (await UnitModel.find({ _id: { $in: open.map((row) => row._id) } }, { name: 1 })).map((unit) => [
      String(unit._id),
      unit.name,
    ]),
  )
  const rows = open.map((row) => ({
    unitId: String(row._id),
    unitName: names.get(String(row._id)) ?? null,
    open: row.count,
    overdue: overdueBy.get(String(row._id)) ?? 0,
  }))
  rows.sort((a, b) => b.overdue - a.overdue || b.open - a.open)
  return { at: now.toISOString(), rows }
}

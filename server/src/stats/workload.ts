import { statsQueues, statsScope } from './scope'
import { queueNames } from './threeRatesReport'
import { tenantOf } from '../tenants/tenantScope'
import { openStatuses, queueKey } from '@minqing/shared'
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
  const queues = await queueRows(viewer, now)
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
  rows.push(...queues)
  rows.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unitId.localeCompare(b.unitId))
  return { at: now.toISOString(), rows }
}

/**
 * The open cases of the viewer's districts that no unit holds yet (the intake queue), one row per
 * district, keyed like the rollups (`queue:<tenant>`); none for a leader.
 */
async function queueRows(viewer: Viewer, now: Date) {
  const queues = statsQueues(viewer)
  if (!queues) return []
  // Read, not grouped: a queue is short, and `$match` would not cast the tenant id as `find` does.
  const queued = await CaseModel.find(
    { ...queues.cases, status: { $in: [...openStatuses] } },
    { tenantId: 1, 'deadlines.dueAt': 1 },
  ).lean()
  const open = new Map<string, number>()
  const overdue = new Map<string, number>()
  for (const record of queued) {
    // A case stored before tenants has none and is the default tenant's.
    const key = queueKey(tenantOf(record))
    open.set(key, (open.get(key) ?? 0) + 1)
    const dueAt = record.deadlines?.dueAt
    if (dueAt && dueAt < now) overdue.set(key, (overdue.get(key) ?? 0) + 1)
  }
  const names = await queueNames([...open.keys()])
  return [...open].map(([key, count]) => ({
    unitId: key,
    unitName: names.get(key) ?? null,
    open: count,
    overdue: overdue.get(key) ?? 0,
  }))
}

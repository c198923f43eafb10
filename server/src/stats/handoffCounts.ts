import type { Types } from 'mongoose'
import { CaseEventModel } from '../cases/caseEvent.model'
import { UnitModel } from '../units/unit.model'

/**
 * Per unit, how many cases it passed on (移交), sent back to the dispatch centre (退单) and
 * disputed (派单异议) in a period — counted from the append-only events, so nothing can be lost
 * or counted twice. The acting unit is the one recorded on the event; `scope` (null: all) limits
 * the acting units.
 */
export async function handoffCounts(from: Date, to: Date, scope: Types.ObjectId[] | null) {
  const rows = await CaseEventModel.aggregate<{ _id: { unitId: unknown; action: string }; count: number }>([
    {
      $match: {
        action: { $in: ['transfer', 'return', 'object'] },
        at: { $gte: from, $lt: to },
        'actor.role': 'handler',
        ...(scope ? { 'actor.unitId': { $in: scope } } : {}),
      },
    },
    { $group: { _id: { unitId: '$actor.unitId', action: '$action' }, count: { $sum: 1 } } },
  ])
  const byUnit = new Map<string, { transferred: number; returned: number; objected: number }>()
  for (const row of rows) {
    const unitId = String(row._id.unitId)
    const entry = byUnit.get(unitId) ?? { transferred: 0, returned: 0, objected: 0 }
    if (row._id.action === 'transfer') entry.transferred += row.count
    if (row._id.action === 'return') entry.returned += row.count
    if (row._id.action === 'object') entry.objected += row.count
    byUnit.set(unitId, entry)
  }
  const units = await UnitModel.find({ _id: { $in: [...byUnit.keys()] } }, { name: 1 })
  const names = new Map(units.map((unit) => [String(unit._id), unit.name]))
  return [...byUnit]
    .map(([unitId, counts]) => ({ unitId, unitName: names.get(unitId) ?? null, ...counts }))
    .sort((a, b) => b.transferred + b.returned - (a.transferred + a.returned))
}

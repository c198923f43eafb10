import { statsScope } from './scope'
import { chinaDate, householdTagLabels } from '@minqing/shared'
import type { Types } from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { subtreeUnitIds } from '../units/unitTree'
import { UserModel } from '../users/user.model'
import { VisitModel } from '../visits/visit.model'

/**
 * Visits of a period: per staff member (visits made, distinct households, field days) and the
 * distinct households visited under each household tag (困难户, 独居老人, … and custom tags).
 * Quotas belong to campaigns and are shown by `GET /campaigns/:id/progress`.
 */
export async function visitFigures({ from, to }: { from: Date; to: Date }, viewer: Viewer) {
  const scope: Types.ObjectId[] | null =
    viewer.role === 'leader' && viewer.unitId ? await subtreeUnitIds(viewer.unitId) : await statsScope(viewer)
  const visits = await VisitModel.find(
    { visitedAt: { $gte: from, $lte: to }, ...(scope ? { unitId: { $in: scope } } : {}) },
    { visitorIds: 1, visitedAt: 1, householdKey: 1, content: 1 },
  ).lean()
  const byStaff = new Map<string, { visits: number; households: Set<string>; days: Set<string> }>()
  const byTag = new Map<string, Set<string>>()
  for (const visit of visits) {
    const day = chinaDate(visit.visitedAt).format('YYYY-MM-DD')
    for (const visitor of visit.visitorIds) {
      const entry = byStaff.get(String(visitor)) ?? { visits: 0, households: new Set(), days: new Set() }
      entry.visits++
      entry.households.add(visit.householdKey)
      entry.days.add(day)
      byStaff.set(String(visitor), entry)
    }
    const tags = (visit.content as { household?: { tags?: string[] } }).household?.tags ?? []
    for (const tag of tags) byTag.set(tag, (byTag.get(tag) ?? new Set()).add(visit.householdKey))
  }
  const people = await UserModel.find({ _id: { $in: [...byStaff.keys()] } }, { name: 1, unitId: 1 }).lean()
  const units = new Map(
    (await UnitModel.find({ _id: { $in: people.map((person) => person.unitId) } }, { name: 1 }).lean()).map(
      (unit) => [String(unit._id), unit.name],
    ),
  )
  const person = new Map(people.map((entry) => [String(entry._id), entry]))
  const staff = [...byStaff].map(([userId, entry]) => ({
    userId,
    name: person.get(userId)?.name ?? null,
    unitName: units.get(String(person.get(userId)?.unitId)) ?? null,
    visits: entry.visits,
    households: entry.households.size,
    fieldDays: entry.days.size,
  }))
  staff.sort((a, b) => b.visits - a.visits)
  const tags = [...byTag].map(([tag, households]) => ({
    tag,
    label: (householdTagLabels as Record<string, string>)[tag] ?? tag,
    households: households.size,
  }))
  tags.sort((a, b) => b.households - a.households)
  return { visits: visits.length, staff, tags }
}

import { currentAreaIndex } from '../areas/areaIndex'
import type { Viewer } from '../http/defineRoute'
import { decideRouting, type RoutingQuestion } from '../routing/decideRouting'
import { UnitModel, type UnitDocument } from '../units/unit.model'
import { defaultTenantId } from '../tenants/defaultTenant'
import { scopeFilter } from '../tenants/tenantScope'

/**
 * A district here is the top-level unit of a subtree (a unit without parent): the first id of a
 * unit's path, or the unit itself. Searches across residents' cases stay inside one.
 */
export function districtOf(unit: Pick<UnitDocument, '_id' | 'path'>): string {
  return String(unit.path[0] ?? unit._id)
}

/** Units by id, loaded in one query. */
export async function unitsById(ids: readonly string[]): Promise<Map<string, UnitDocument>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const units = await UnitModel.find({ _id: { $in: unique } })
  return new Map(units.map((unit) => [String(unit._id), unit]))
}

/** The district of the first of these units that exists. */
export function districtOfUnits(ids: readonly string[], units: Map<string, UnitDocument>): string | null {
  for (const id of ids) {
    const unit = units.get(id)
    if (unit) return districtOf(unit)
  }
  return null
}

/** The district whose area (or a unit's area below it) contains the point, if any. */
export async function districtOfPoint(point: { lat: number; lng: number }): Promise<string | null> {
  const [innermost] = (await currentAreaIndex()).containing(point.lng, point.lat)
  if (!innermost) return null
  const unit = await UnitModel.findById(innermost.id, { path: 1 })
  return unit ? districtOf(unit) : null
}

/** A viewer's district from their unit (residents and admins have none). */
export async function districtOfUnitId(unitId: string | null): Promise<string | null> {
  if (!unitId) return null
  const unit = await UnitModel.findById(unitId, { path: 1 })
  return unit ? districtOf(unit) : null
}

/**
 * When the deployment has a single top-level unit (one city or county), every case lies in it,
 * so a question without place or unit still has a district. With several, none is guessed.
 */
export async function soleTopLevelUnit(): Promise<string | null> {
  // A case with neither a place nor a unit belongs to the default tenant (tenants/): its only
  // top-level unit, even when other districts (tenants) have top-level units of their own.
  const roots = await UnitModel.find(
    { parentId: null, ...scopeFilter({ tenantId: String(defaultTenantId) }) },
    { _id: 1 },
  ).limit(2)
  return roots.length === 1 ? String(roots[0]!._id) : null
}

/**
 * The district of a case about to be submitted: that of its place, else of the unit it would be
 * routed to, else of the asking staff member's unit, else the deployment's only top-level unit.
 */
export async function districtOfQuestion(question: RoutingQuestion, viewer: Viewer): Promise<string | null> {
  if (question.location) {
    const byPlace = await districtOfPoint(question.location)
    if (byPlace) return byPlace
  }
  const routed = await decideRouting(question)
  if (routed.unitId) {
    const byRouting = await districtOfUnitId(routed.unitId)
    if (byRouting) return byRouting
  }
  return (await districtOfUnitId(viewer.unitId)) ?? (await soleTopLevelUnit())
}

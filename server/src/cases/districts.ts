import { currentAreaIndex } from '../areas/areaIndex'
import { UnitModel, type UnitDocument } from '../units/unit.model'

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

import { currentAreaIndex } from '../areas/areaIndex'
import type { CaseDocument } from '../cases/case.model'
import { findSimilarCases, pointOf } from '../cases/similarCases'
import { UnitModel } from '../units/unit.model'

export interface UnitSuggestion {
  unitId: string
  unitName: string
  why: string
}

/**
 * For a case waiting in the dispatch centre: units that handled similar cases recently (most
 * first), then the innermost unit whose area contains the case. Advice for a person, not a rule.
 */
export async function suggestUnits(record: CaseDocument, now: Date): Promise<UnitSuggestion[]> {
  const counts = new Map<string, number>()
  for (const { record: similar } of await findSimilarCases(record, now, String(record._id))) {
    if (similar.unitId) counts.set(String(similar.unitId), (counts.get(String(similar.unitId)) ?? 0) + 1)
  }
  const reasons = new Map<string, string>()
  for (const [unitId, count] of [...counts].sort((a, b) => b[1] - a[1]))
    reasons.set(unitId, `近期${count}件相似诉求由其办理`)
  const point = pointOf(record.location)
  if (point) {
    const [innermost] = (await currentAreaIndex()).containing(point.lng, point.lat)
    if (innermost && !reasons.has(innermost.id)) reasons.set(innermost.id, '诉求位置在其辖区内')
  }
  const units = await UnitModel.find({ _id: { $in: [...reasons.keys()] } }, { name: 1 })
  const names = new Map(units.map((unit) => [String(unit._id), unit.name]))
  return [...reasons]
    .filter(([unitId]) => names.has(unitId))
    .slice(0, 3)
    .map(([unitId, why]) => ({ unitId, unitName: names.get(unitId)!, why }))
}

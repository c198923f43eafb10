import { resolveRouting, type CaseLocation, type RoutingDecision, type RoutingRule } from '@minqing/shared'
import { currentAreaIndex } from '../areas/areaIndex'
import { cachedRules } from './ruleCache'
import { RoutingRuleModel } from './routingRule.model'
import { modelRouting } from '../dispatch/modelRouting'
import { UnitModel } from '../units/unit.model'
import { defaultTenantId } from '../tenants/defaultTenant'
import { tenantOf, tenantOfUnitId } from '../tenants/tenantScope'

export interface RoutingQuestion {
  categoryCode: string
  title: string
  description: string
  location?: CaseLocation | null
  /** The case's tenant when known (a `tenant` code); else the tenant of the place, else the default. */
  tenantId?: string | null
}

export async function loadRules(): Promise<RoutingRule[]> {
  const [rows, disabledUnits] = await Promise.all([
    RoutingRuleModel.find({ enabled: true }).sort({ priority: 1, _id: 1 }),
    UnitModel.find({ disabled: true }, { _id: 1 }).lean(),
  ])
  // A rule pointing at a disabled unit is skipped: the case falls to the next rule or the fallback.
  const closed = new Set(disabledUnits.map((unit) => String(unit._id)))
  return rows
    .filter((row) => !closed.has(String(row.unitId)))
    .map((row) => ({
      id: row.id as string,
      name: row.name,
      priority: row.priority,
      categoryCodes: row.categoryCodes,
      areaUnitIds: row.areaUnitIds,
      keywords: row.keywords,
      unitId: String(row.unitId),
      enabled: row.enabled,
      tenantId: tenantOf(row),
    }))
}

/**
 * Gathers the facts (rules, containing areas) and asks the pure resolver. A rule always wins;
 * without one, a confident model suggestion dispatches (issue #15) before the area fallback and
 * the manual queue.
 */
export async function decideRouting(
  question: RoutingQuestion,
): Promise<RoutingDecision & { containingUnits: Array<{ id: string; level: string }>; tenantId: string }> {
  const [allRules, areas] = await Promise.all([cachedRules(loadRules), currentAreaIndex()])
  const containingUnits = question.location
    ? areas.containing(question.location.lng, question.location.lat)
    : []
  // One tenant's rules never capture another district's case (tenants/).
  const tenantId =
    question.tenantId ?? (await tenantOfUnitId(containingUnits[0]?.id)) ?? String(defaultTenantId)
  const rules = allRules.filter((rule) => (rule as { tenantId?: string }).tenantId === tenantId)
  const decision = resolveRouting(rules, {
    categoryCode: question.categoryCode,
    text: `${question.title}\n${question.description}`,
    containingUnits,
  })
  if (decision.kind !== 'rule') {
    const byModel = await modelRouting(question)
    if (byModel && (await tenantOfUnitId(byModel.unitId)) === tenantId)
      return { ...byModel, containingUnits, tenantId }
  }
  return { ...decision, containingUnits, tenantId }
}

import { CategoryModel } from '../categories/category.model'
import type { RoutingRuleModel } from './routingRule.model'

type RuleDocument = InstanceType<typeof RoutingRuleModel>

/**
 * A routing rule as the console shows it: plain ids, and the categories' names next to their
 * codes (people read "供水", not `utility.water`). The only shape routing rules leave the server in.
 */
export async function presentRules(rules: RuleDocument[]) {
  const codes = [...new Set(rules.flatMap((rule) => rule.categoryCodes))]
  const names = new Map(
    (await CategoryModel.find({ code: { $in: codes } }, { code: 1, name: 1 }).lean()).map((row) => [
      row.code,
      row.name,
    ]),
  )
  return rules.map((rule) => ({
    id: String(rule._id),
    name: rule.name,
    priority: rule.priority,
    categoryCodes: [...rule.categoryCodes],
    categoryNames: rule.categoryCodes.map((code) => names.get(code) ?? code),
    areaUnitIds: [...rule.areaUnitIds],
    keywords: [...rule.keywords],
    unitId: String(rule.unitId),
    enabled: rule.enabled,
    createdAt: (rule as unknown as { createdAt?: Date }).createdAt?.toISOString() ?? null,
    updatedAt: (rule as unknown as { updatedAt?: Date }).updatedAt?.toISOString() ?? null,
  }))
}

export const presentRule = async (rule: RuleDocument) => (await presentRules([rule]))[0]!

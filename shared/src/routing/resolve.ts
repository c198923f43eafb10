import { z } from 'zod'
import { objectIdSchema } from '../units/schemas'

/**
 * A routing rule an admin edits. Conditions that are set must all hold; a rule with no
 * conditions never matches (defaults are explicit, see below). Lower priority numbers win.
 */
const ruleFields = {
  name: z.string().trim().min(1).max(100),
  priority: z.number().int().min(0).max(1_000_000),
  categoryCodes: z.array(z.string().min(1).max(64)).max(200),
  /** The case lies inside one of these units' areas (polygons). */
  areaUnitIds: z.array(objectIdSchema).max(500),
  keywords: z.array(z.string().trim().min(1).max(30)).max(100),
  unitId: objectIdSchema,
  enabled: z.boolean(),
}

export const routingRuleInputSchema = z
  .object({
    ...ruleFields,
    categoryCodes: ruleFields.categoryCodes.default([]),
    areaUnitIds: ruleFields.areaUnitIds.default([]),
    keywords: ruleFields.keywords.default([]),
    enabled: ruleFields.enabled.default(true),
  })
  .refine((rule) => rule.categoryCodes.length + rule.areaUnitIds.length + rule.keywords.length > 0, {
    message: '至少设置一个条件 / Set at least one condition',
    path: ['categoryCodes'],
  })
/** A change to a rule: only the fields given (no defaults, so nothing is reset by omission). */
export const routingRulePatchSchema = z.object(ruleFields).partial()
export type RoutingRuleInput = z.infer<typeof routingRuleInputSchema>
export type RoutingRule = RoutingRuleInput & { id: string }

export interface RoutingInput {
  categoryCode: string
  /** Title and description: keywords are looked for here. */
  text: string
  /** Units whose area contains the case's point, innermost first (grid → community → street → district). */
  containingUnits: ReadonlyArray<{ id: string; level: string }>
}

export type RoutingDecision =
  | { kind: 'rule'; unitId: string; ruleId: string; reason: string }
  | { kind: 'areaFallback'; unitId: string; ruleId: null; reason: string }
  | { kind: 'dispatchCentre'; unitId: null; ruleId: null; reason: string }
  /** The text model's automatic dispatch, inside its calibrated confidence band (issue #15). */
  | { kind: 'model'; unitId: string; ruleId: null; reason: string }

function ruleMatches(rule: RoutingRule, input: RoutingInput): string | null {
  const reasons: string[] = []
  if (rule.categoryCodes.length) {
    if (
      !rule.categoryCodes.some(
        (code) => input.categoryCode === code || input.categoryCode.startsWith(`${code}.`),
      )
    )
      return null
    reasons.push(`分类 ${input.categoryCode}`)
  }
  if (rule.areaUnitIds.length) {
    const area = input.containingUnits.find((unit) => rule.areaUnitIds.includes(unit.id))
    if (!area) return null
    reasons.push(`位于区域 ${area.id}`)
  }
  if (rule.keywords.length) {
    const text = input.text.toLowerCase()
    const hit = rule.keywords.find((keyword) => text.includes(keyword.toLowerCase()))
    if (!hit) return null
    reasons.push(`关键词「${hit}」`)
  }
  return reasons.join('，')
}

/**
 * Where a case goes. The first enabled rule by priority whose conditions all hold decides.
 * Otherwise the government of the district or township the case lies in must take it (兜底);
 * with no known area it waits in the dispatch centre's queue for a person to route it.
 * A category rule "culture" also covers its sub-categories ("culture.library").
 */
export function resolveRouting(rules: readonly RoutingRule[], input: RoutingInput): RoutingDecision {
  const ordered = rules
    .filter((rule) => rule.enabled)
    .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
  for (const rule of ordered) {
    const why = ruleMatches(rule, input)
    if (why !== null)
      return { kind: 'rule', unitId: rule.unitId, ruleId: rule.id, reason: `规则「${rule.name}」：${why}` }
  }
  const government =
    input.containingUnits.find((unit) => unit.level === 'street') ??
    input.containingUnits.find((unit) => unit.level === 'district')
  if (government) {
    return {
      kind: 'areaFallback',
      unitId: government.id,
      ruleId: null,
      reason: '无匹配规则，由属地街道/乡镇或区县兜底办理',
    }
  }
  return {
    kind: 'dispatchCentre',
    unitId: null,
    ruleId: null,
    reason: '无匹配规则且位置不明，进入派单中心人工派单',
  }
}

import { z } from 'zod'
import { isoTimeSchema, responseObject } from '../api/responseShapes'

/** A routing rule as `presentRule` shows it (server/src/routing/presentRule.ts). */
export const routingRuleViewSchema = responseObject({
  id: z.string(),
  name: z.string(),
  priority: z.number().int(),
  categoryCodes: z.array(z.string()),
  /** The categories' names, in the order of their codes. */
  categoryNames: z.array(z.string()),
  areaUnitIds: z.array(z.string()),
  keywords: z.array(z.string()),
  unitId: z.string(),
  enabled: z.boolean(),
  createdAt: isoTimeSchema.nullable(),
  updatedAt: isoTimeSchema.nullable(),
})
export const routingRulesResponseSchema = responseObject({ rules: z.array(routingRuleViewSchema) })

/** Where a case would go and why (the resolver's decision, its facts and the unit's name). */
export const routingDryRunResponseSchema = responseObject({
  kind: z.enum(['rule', 'areaFallback', 'dispatchCentre', 'model']),
  unitId: z.string().nullable(),
  ruleId: z.string().nullable(),
  reason: z.string(),
  unitName: z.string().nullable(),
  containingUnits: z.array(responseObject({ id: z.string(), level: z.string() })),
})

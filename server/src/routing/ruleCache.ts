import type { RoutingRule } from '@minqing/shared'
import { forgetOnReset } from '../processState/processState'

/**
 * Routing rules kept in memory: every submission needs all of them, and reading a thousand rules
 * per case would cost more than the decision. Writes on this instance clear the cache (hooks on
 * the model); changes made on another instance apply within `maxAgeMs`.
 */
let cached: { rules: RoutingRule[]; loadedAt: number } | undefined
const maxAgeMs = 30_000

export async function cachedRules(
  load: () => Promise<RoutingRule[]>,
  now = Date.now(),
): Promise<RoutingRule[]> {
  if (cached && now - cached.loadedAt < maxAgeMs) return cached.rules
  const rules = await load()
  cached = { rules, loadedAt: now }
  return rules
}

export function invalidateRuleCache(): void {
  cached = undefined
}
forgetOnReset(invalidateRuleCache)

import type { Config } from '../config/config'
import type { AppDeps } from '../http/deps'
import { seedDemo, type DemoLogin } from './demoSeed'

/**
 * Whether this start seeds the demo city. The demo accounts' password is printed in the README,
 * so a production start never seeds them unless an operator writes SEED_DEMO=force (a training
 * instance, say); SEED_DEMO=true or unset there is skipped with a warning rather than a refusal
 * to start, so a production server with a stray SEED_DEMO still comes up, without demo logins.
 */
export function demoSeedDecision(config: Pick<Config, 'NODE_ENV' | 'SEED_DEMO'>): {
  seed: boolean
  reason: string
} {
  if (config.SEED_DEMO === 'force') return { seed: true, reason: 'SEED_DEMO=force' }
  if (config.SEED_DEMO === false) return { seed: false, reason: 'SEED_DEMO=false' }
  if (config.NODE_ENV === 'production') {
    return {
      seed: false,
      reason:
        'NODE_ENV=production: demo accounts have a published password, so they are not seeded (SEED_DEMO=force seeds them anyway)',
    }
  }
  return { seed: true, reason: config.SEED_DEMO ? 'SEED_DEMO=true' : 'default outside production' }
}

/** Seeds when the decision allows it; logs why not otherwise. Null when nothing was seeded. */
export async function seedDemoIfAllowed(deps: AppDeps): Promise<DemoLogin[] | null> {
  const decision = demoSeedDecision(deps.config)
  if (!decision.seed) {
    if (deps.config.SEED_DEMO !== false) deps.logger.warn({ reason: decision.reason }, 'demo data not seeded')
    return null
  }
  if (deps.config.NODE_ENV === 'production') {
    deps.logger.warn(
      { reason: decision.reason },
      'seeding demo accounts with the published password in production',
    )
  }
  return seedDemo(deps)
}

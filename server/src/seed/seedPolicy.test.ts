import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { UserModel } from '../users/user.model'
import { demoAccounts } from './demoSeed'
import { demoSeedDecision, seedDemoIfAllowed } from './seedPolicy'

describe('demo seed in production', () => {
  it('seeds by default outside production, in production only with SEED_DEMO=force', () => {
    expect(demoSeedDecision({ NODE_ENV: 'development', SEED_DEMO: undefined }).seed).toBe(true)
    expect(demoSeedDecision({ NODE_ENV: 'development', SEED_DEMO: false }).seed).toBe(false)
    expect(demoSeedDecision({ NODE_ENV: 'production', SEED_DEMO: undefined }).seed).toBe(false)
    expect(demoSeedDecision({ NODE_ENV: 'production', SEED_DEMO: true }).seed).toBe(false)
    expect(demoSeedDecision({ NODE_ENV: 'production', SEED_DEMO: 'force' }).seed).toBe(true)
  })

  it('a production start with SEED_DEMO=true creates no demo account and logs why', async () => {
    const { deps, logLines } = testApp({ env: { NODE_ENV: 'production', SEED_DEMO: 'true' } })
    expect(await seedDemoIfAllowed(deps)).toBeNull()
    expect(await UserModel.countDocuments({ phone: demoAccounts.admin })).toBe(0)
    expect(logLines.join('')).toContain('demo accounts have a published password')
  })
})

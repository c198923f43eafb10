import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, trustedProxyHops } from './config'

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ PORT: 3000, DEMO_PASSWORD: 'minqing-demo', PASSWORD_HASH_COST: 15 })
    expect(config.SEED_DEMO).toBeUndefined()
    expect(loadConfig({ SEED_DEMO: 'force' }).SEED_DEMO).toBe('force')
  })

  it('names every bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', MONGODB_URI: 'not a url' })).toThrow(ConfigError)
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'not a url' })
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/)
      expect((error as Error).message).toMatch(/MONGODB_URI/)
    }
  })

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/)
  })

  it('refuses a cheap password hash in production and reads the trusted proxy hops', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }
    expect(() => loadConfig({ ...production, PASSWORD_HASH_COST: '12' })).toThrow(/PASSWORD_HASH_COST/)
    expect(trustedProxyHops(loadConfig({}))).toBe(0)
    expect(trustedProxyHops(loadConfig({ TRUST_PROXY: 'true' }))).toBe(1)
    expect(trustedProxyHops(loadConfig({ TRUST_PROXY_HOPS: '2' }))).toBe(2)
    expect(trustedProxyHops(loadConfig({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: 'false' }))).toBe(0)
  })
})

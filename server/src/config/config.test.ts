import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ PORT: 3000, SEED_DEMO: true, DEMO_PASSWORD: 'minqing-demo' })
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
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { submitCaseInputSchema } from '@minqing/shared'
import { newClientId, randomHex } from './clientId'

afterEach(() => vi.unstubAllGlobals())

describe('client ids', () => {
  it('are unique and accepted by the shared schema', () => {
    const ids = new Set(Array.from({ length: 1000 }, newClientId))
    expect(ids.size).toBe(1000)
    const id = [...ids][0]!
    expect(submitCaseInputSchema.shape.clientId.safeParse(id).success).toBe(true)
  })

  it('work without a global crypto, as in the WeChat runtime', () => {
    vi.stubGlobal('crypto', undefined)
    expect(randomHex(8)).toMatch(/^[0-9a-f]{16}$/)
    expect(newClientId()).not.toBe(newClientId())
  })
})

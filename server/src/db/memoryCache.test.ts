import { describe, expect, it } from 'vitest'
import { memoryCache } from './memoryCache'

describe('memoryCache', () => {
  it('loads once while fresh, again after a clear, and never keeps a load that a write overtook', async () => {
    let version = 0
    let loads = 0
    let release: () => void = () => undefined
    let gate: Promise<void> | null = null
    const cache = memoryCache(async () => {
      loads++
      const seen = version
      if (gate) await gate
      return seen
    }, 60_000)
    expect(await cache.get()).toBe(0)
    expect(await cache.get()).toBe(0)
    expect(loads).toBe(1)

    // A load is under way when a write happens: its (old) answer must not be kept.
    gate = new Promise((resolve) => (release = resolve))
    cache.clear()
    const slow = cache.get()
    version = 1
    cache.clear()
    release()
    expect(await slow).toBe(0)
    gate = null
    expect(await cache.get()).toBe(1)
    expect(loads).toBe(3)
  })
})

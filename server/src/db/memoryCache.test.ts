import mongoose, { Schema } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { clearOnWrite, memoryCache } from './memoryCache'

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

  it('is cleared by writes that touch the watched fields, and left alone by others', async () => {
    let clears = 0
    const schema = new Schema({ role: String, unitId: String, failedLogins: Number })
    clearOnWrite(
      schema,
      { clear: () => clears++ },
      {
        fields: ['role', 'unitId'],
        matters: (doc) => doc.role !== 'resident',
      },
    )
    const Probe = mongoose.model('CacheProbe', schema)
    await Probe.create({ role: 'resident' })
    expect(clears).toBe(0)
    const handler = await Probe.create({ role: 'handler', unitId: 'u1' })
    expect(clears).toBe(1)
    await Probe.updateOne({ _id: handler._id }, { $set: { failedLogins: 1 } })
    expect(clears).toBe(1)
    await Probe.updateOne({ _id: handler._id }, { $set: { unitId: 'u2' } })
    expect(clears).toBe(2)
    await Probe.deleteOne({ _id: handler._id })
    expect(clears).toBe(3)
  })
})

import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { claimOnce } from './claims'

describe('claimOnce', () => {
  it('is true for the first of several concurrent claims of a key only, and stores when it was claimed', async () => {
    const key = `test-claim|${new mongoose.Types.ObjectId().toHexString()}`
    const at = new Date('2026-03-02T10:00:00Z')
    const results = await Promise.all([1, 2, 3, 4].map(() => claimOnce(key, at)))
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await claimOnce(key)).toBe(false)
    const stored = await mongoose.connection.collection('claims').findOne({ _id: key as never })
    expect(stored).toEqual({ _id: key, at })
  })
})

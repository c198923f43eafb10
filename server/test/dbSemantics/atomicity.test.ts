import { describe, expect, it } from 'vitest'
import { atomicUpdate } from '../../src/db/atomicUpdate'
import { isDuplicateKey } from '../../src/db/duplicateKey'
import { concurrently, counters, onMongodb } from './helpers'

describe('updates the server treats as atomic', () => {
  it('40 concurrent $inc of one counter through atomicUpdate end at 40', async () => {
    const docs = counters('atomic_inc')
    await docs.insertOne({ _id: 'c', n: 0 })
    await concurrently(40, () =>
      atomicUpdate('atomic_inc|c', () => docs.updateOne({ _id: 'c' }, { $inc: { n: 1 } })),
    )
    expect((await docs.findOne({ _id: 'c' }))?.n).toBe(40)
  })

  it('40 concurrent first findOneAndUpdate upserts with $inc (retried once on E11000) count 40 in one document', async () => {
    const docs = counters('atomic_upsert')
    const increment = () =>
      docs.findOneAndUpdate({ _id: 'w' }, { $inc: { n: 1 } }, { upsert: true, returnDocument: 'after' })
    const seen = await concurrently(40, () =>
      atomicUpdate('atomic_upsert|w', () =>
        increment().catch((error: unknown) => {
          if (isDuplicateKey(error)) return increment()
          throw error
        }),
      ),
    )
    expect(await docs.countDocuments({})).toBe(1)
    expect((await docs.findOne({ _id: 'w' }))?.n).toBe(40)
    // Every caller saw its own count: what a rate limit compares with its maximum.
    expect(new Set(seen.map((doc) => doc?.n)).size).toBe(40)
  })

  it('on MongoDB, bare concurrent $inc is atomic too (FerretDB v1 reads then writes: not relied on there)', async () => {
    const docs = counters('atomic_bare')
    await docs.insertOne({ _id: 'c', n: 0 })
    await concurrently(40, () => docs.updateOne({ _id: 'c' }, { $inc: { n: 1 } }))
    const n = (await docs.findOne({ _id: 'c' }))?.n as number
    if (onMongodb()) expect(n).toBe(40)
    else expect(n).toBeGreaterThanOrEqual(1)
  })
})

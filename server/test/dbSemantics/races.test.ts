import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { claimOnce } from '../../src/db/claims'
import { isDuplicateKey, upsert } from '../../src/db/duplicateKey'
import { nextSequence } from '../../src/db/sequence'
import { enforceRateLimit } from '../../src/rateLimit/rateLimit'
import { collection, concurrently, outcomes } from './helpers'

describe('races the server decides with unique indexes', () => {
  it('40 concurrent inserts of one _id: exactly one wins, the others get E11000', async () => {
    const docs = collection('race_ids')
    const result = await outcomes(Array.from({ length: 40 }, (_, i) => docs.insertOne({ _id: 'one', i })))
    expect(result.fulfilled).toBe(1)
    expect(result.errors).toHaveLength(39)
    expect(result.errors.every(isDuplicateKey)).toBe(true)
    expect(await docs.countDocuments({})).toBe(1)
  })

  it('40 concurrent inserts on a compound unique index: exactly one per key', async () => {
    const docs = collection('race_compound')
    await docs.createIndex({ owner: 1, clientId: 1 }, { unique: true })
    const result = await outcomes(
      Array.from({ length: 40 }, (_, i) =>
        docs.insertOne({ _id: new mongoose.Types.ObjectId(), owner: i % 2, clientId: 'c' }),
      ),
    )
    expect(result.fulfilled).toBe(2)
    expect(await docs.countDocuments({})).toBe(2)
  })

  it('claimOnce: one of 40 concurrent callers gets the claim', async () => {
    const claims = await concurrently(40, () => claimOnce('race|claim'))
    expect(claims.filter(Boolean)).toHaveLength(1)
  })

  it('nextSequence: 40 concurrent callers get 1…40, each once', async () => {
    const numbers = await concurrently(40, () => nextSequence('race-seq'))
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
  })

  it('first upserts of one document race: upsert() retries, leaving one document with every field', async () => {
    const model = mongoose.model('RaceUpsert', new mongoose.Schema({ _id: String, n: Number, first: Number }))
    await model.createIndexes()
    await concurrently(40, (i) => upsert(model, { _id: 'u' }, { $set: { n: i }, $setOnInsert: { first: i } }))
    const docs = await model.find({}).lean()
    expect(docs).toHaveLength(1)
    expect(docs[0]?.first).toEqual(expect.any(Number))
    expect(docs[0]?.n).toEqual(expect.any(Number))
  })

  it('a rate limit of 10 lets exactly 10 of 40 concurrent checks through', async () => {
    const now = new Date('2026-01-01T00:00:30Z')
    const result = await outcomes(
      Array.from({ length: 40 }, () =>
        enforceRateLimit({ key: 'race-limit', max: 10, windowSeconds: 60 }, now),
      ),
    )
    expect(result.fulfilled).toBe(10)
    expect(result.errors.every((error) => (error as { code?: string }).code === 'RATE_LIMITED')).toBe(true)
  })
})

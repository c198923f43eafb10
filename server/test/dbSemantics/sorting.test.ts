import { describe, expect, it } from 'vitest'
import { collection, type Row } from './helpers'

describe('sorts with equal keys', () => {
  it('with _id as the last key, order and pages stay the same after rows with equal keys are updated', async () => {
    const docs = collection('sort_ties')
    await docs.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i, rank: i % 3, touched: 0 })))
    const sort = { rank: 1, _id: 1 } as const
    const expected = [...Array(30).keys()].sort((a, b) => (a % 3) - (b % 3) || a - b)
    const before = (await docs.find({}).sort(sort).toArray()).map((doc) => doc._id)
    expect(before).toEqual(expected)
    // PostgreSQL moves an updated row to the end of its table: a sort without the tie-breaker reorders.
    await docs.updateMany({ _id: { $in: [0, 3, 6] } }, { $set: { touched: 1 } })
    const pages: Row['_id'][] = []
    for (let page = 0; page < 3; page++)
      pages.push(
        ...(
          await docs
            .find({})
            .sort(sort)
            .skip(page * 10)
            .limit(10)
            .toArray()
        ).map((doc) => doc._id),
      )
    expect(pages).toEqual(expected)
  })
})

import mongoose from 'mongoose'
import { afterEach, describe, expect, it } from 'vitest'
import { findAnyOf } from './findAnyOf'
import { databaseFlavour, setDatabaseFlavour } from './flavour'

const Row = mongoose.model(
  'FindAnyOfRow',
  new mongoose.Schema({ unit: String, co: [String], status: String, dueAt: Date, n: Number }),
)

const detected = databaseFlavour()
afterEach(() => setDatabaseFlavour(detected))

describe('findAnyOf', () => {
  it('pages through equal sort keys, missing keys and overlapping alternatives exactly as one $or query does', async () => {
    const day = (d: number) => new Date(Date.UTC(2026, 0, d))
    await Row.insertMany(
      Array.from({ length: 45 }, (_, i) => ({
        unit: i % 3 === 0 ? 'a' : 'b',
        co: i % 5 === 0 ? ['a'] : [],
        status: ['open', 'working', 'closed'][i % 3 === 0 ? i % 2 : 2],
        // Ties (one due date for many) and cases without a due date.
        dueAt: i % 7 === 0 ? null : day(1 + (i % 4)),
        n: i,
      })),
    )
    const alternatives = ['unit', 'co'].flatMap((field) =>
      ['open', 'working'].map((status) => ({ [field]: 'a', status })),
    )
    const sort = { dueAt: 1, _id: 1 } as const
    const pages = async (flavour: 'mongodb' | 'ferretdb') => {
      setDatabaseFlavour(flavour)
      const seen = []
      for (let skip = 0; skip < 30; skip += 4) {
        const { items, total } = await findAnyOf(Row, alternatives, sort, { skip, limit: 4 })
        seen.push({ total, ns: items.map((row) => row.n) })
      }
      return seen
    }
    const single = await pages('mongodb')
    // A row in both the unit's and the co-unit's lists, to prove duplicates are dropped.
    expect(single[0]!.total).toBeGreaterThan(8)
    const merged = await pages('ferretdb')
    expect(merged.map((page) => page.ns)).toEqual(single.map((page) => page.ns))
    const overlapping = await Row.countDocuments({ unit: 'a', co: 'a', status: { $in: ['open', 'working'] } })
    expect(merged[0]!.total).toBe(single[0]!.total + overlapping)
  })
})

import type { mongo } from 'mongoose'
import { databaseFlavour } from './flavour'

type Document = mongo.Document

export interface GroupRow {
  /** The group's `_id` as the server returned it. */
  key: unknown
  totals: Record<string, number>
}

/**
 * Sums per group: `sums` names each total and what it adds up (1 counts, '$field' sums a field).
 * MongoDB computes them in one `$group`. FerretDB v1 computes only the first accumulator of a
 * `$group` and silently returns 0 for the others (upstream issue #4616), so there each total gets
 * its own `$group` and the rows are merged here. Groups missing from one total count 0 there.
 */
export async function groupTotals<T extends Document>(
  collection: mongo.Collection<T>,
  match: Document,
  by: string | Document,
  sums: Record<string, 1 | `$${string}`>,
): Promise<GroupRow[]> {
  const names = Object.keys(sums)
  const accumulator = (name: string) => ({ [name]: { $sum: sums[name] } })
  const pipelines =
    databaseFlavour() === 'mongodb'
      ? [{ _id: by, ...Object.assign({}, ...names.map(accumulator)) }]
      : names.map((name) => ({ _id: by, ...accumulator(name) }))
  const rows = new Map<string, GroupRow>()
  for (const group of pipelines) {
    for (const row of await collection.aggregate([{ $match: match }, { $group: group }]).toArray()) {
      const id = JSON.stringify(row._id)
      const merged = rows.get(id) ?? {
        key: row._id,
        totals: Object.fromEntries(names.map((name) => [name, 0])),
      }
      for (const name of names) if (name in row) merged.totals[name] = row[name] as number
      rows.set(id, merged)
    }
  }
  return [...rows.values()]
}

import type { FilterQuery, HydratedDocument, Model } from 'mongoose'
import { databaseFlavour } from './flavour'

export type SortSpec = Record<string, 1 | -1>

export interface Page {
  skip: number
  limit: number
}

/**
 * One page of the documents matching any of `alternatives`, in `sort` order (which must end in a
 * unique key such as `_id`, so pages never overlap), with the total.
 *
 * MongoDB: one `$or` query, which its indexes serve. FerretDB v1 pushes neither `$or` nor `$in`
 * down to PostgreSQL, so such a query reads the whole collection; there each alternative (built
 * of plain equalities, which are pushed down and GIN-indexed) is its own query for the first
 * skip+limit documents, and the results are merged here. Its total is the sum of the
 * alternatives' counts (exact when they do not overlap; duplicates within the page are dropped).
 */
export async function findAnyOf<T>(
  model: Model<T>,
  alternatives: FilterQuery<T>[],
  sort: SortSpec,
  page: Page,
): Promise<{ items: HydratedDocument<T>[]; total: number }> {
  if (databaseFlavour() === 'mongodb' || alternatives.length < 2) {
    const filter = alternatives.length === 1 ? alternatives[0]! : ({ $or: alternatives } as FilterQuery<T>)
    const [items, total] = await Promise.all([
      model.find(filter).sort(sort).skip(page.skip).limit(page.limit),
      model.countDocuments(filter),
    ])
    return { items, total }
  }
  const wanted = page.skip + page.limit
  const parts = await Promise.all(
    alternatives.map(async (filter) => {
      const items = await model.find(filter).sort(sort).limit(wanted)
      // Fewer than asked for: that is all of them, no count needed.
      const total = items.length < wanted ? items.length : await model.countDocuments(filter)
      return { items, total }
    }),
  )
  const seen = new Set<string>()
  const merged = parts
    .flatMap((part) => part.items)
    .filter((doc) => {
      const id = String(doc._id)
      if (seen.has(id)) return false
      seen.add(id)
      return true
    })
    .sort((a, b) => compareBySort(a, b, sort))
  return {
    items: merged.slice(page.skip, page.skip + page.limit),
    total: parts.reduce((sum, part) => sum + part.total, 0),
  }
}

/** MongoDB's order of mixed values: missing/null, numbers, strings, ObjectIds, booleans, dates. */
function rank(value: unknown): [number, number | string] {
  if (value === null || value === undefined) return [0, 0]
  if (typeof value === 'number') return [1, value]
  if (typeof value === 'string') return [2, value]
  if (value instanceof Date) return [5, value.getTime()]
  if (typeof value === 'boolean') return [4, Number(value)]
  if (typeof value === 'object' && '_bsontype' in value) return [3, String(value)]
  return [2, String(value)]
}

function compareBySort(
  a: { get(path: string): unknown },
  b: { get(path: string): unknown },
  sort: SortSpec,
): number {
  for (const [path, direction] of Object.entries(sort)) {
    const [typeA, valueA] = rank(a.get(path))
    const [typeB, valueB] = rank(b.get(path))
    const order = typeA - typeB || (valueA < valueB ? -1 : valueA > valueB ? 1 : 0)
    if (order) return order * direction
  }
  return 0
}

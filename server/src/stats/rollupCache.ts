import { emptyCounts, rollupCounters, type RollupContribution, type RollupCounts } from '@minqing/shared'
import { RollupModel } from './rollup.model'

/**
 * A row in memory: its counters as a typed array in `rollupCounters` order. Summing a year of a
 * million cases adds ~300k rows × 38 counters; by name on plain objects that took 1.5 s, as
 * typed arrays it is a tight numeric loop.
 */
export interface RollupRow {
  day: string
  unitId: string
  categoryCode: string
  values: Float64Array
}

const counterIndex = new Map<string, number>(rollupCounters.map((name, index) => [name, index]))

function addInto(values: Float64Array, counts: Partial<RollupCounts>): void {
  for (const [name, value] of Object.entries(counts)) {
    const index = counterIndex.get(name)
    if (index !== undefined && value) values[index]! += value
  }
}

/** Adds one row's counters into a running total (same order). */
export function sumInto(total: Float64Array, row: RollupRow): void {
  const values = row.values
  for (let index = 0; index < values.length; index++) total[index]! += values[index]!
}

export const emptyTotal = () => new Float64Array(rollupCounters.length)

/** A total as named counts, for the rate functions and answers. */
export function countsOf(total: Float64Array): RollupCounts {
  const counts = emptyCounts()
  rollupCounters.forEach((name, index) => (counts[name] = total[index]!))
  return counts
}

/**
 * The daily rollups held in memory for the dashboards. FerretDB evaluates filters other than `_id`
 * by decoding every document (~0.3 ms each), so reading a period's rows per request grows with
 * the collection; summing in memory takes milliseconds at any size. This instance adds its own
 * contributions as it commits them; other instances' writes arrive with the next reload, at most
 * `maxAgeMs` later (STATS_CACHE_MS; served stale while the reload runs).
 */
interface Cache {
  rows: Map<string, RollupRow>
  /** The same rows by day, so a period's sum touches only its own days (a month costs the same at any size). */
  byDay: Map<string, RollupRow[]>
  loadedAt: number
}
let cache: Cache | undefined

function index(into: Cache, key: string, row: RollupRow): void {
  into.rows.set(key, row)
  const day = into.byDay.get(row.day)
  if (day) day.push(row)
  else into.byDay.set(row.day, [row])
}
let loading: Promise<void> | undefined

async function load(): Promise<void> {
  const fresh: Cache = { rows: new Map(), byDay: new Map(), loadedAt: 0 }
  // Streamed: a million-case year is ~300k rows, and holding them twice (documents + rows) at once
  // is what a reload must not do.
  for await (const doc of RollupModel.find().lean().cursor({ batchSize: 5000 })) {
    const values = emptyTotal()
    addInto(values, doc as unknown as Partial<RollupCounts>)
    index(fresh, doc._id, { day: doc.day, unitId: doc.unitId, categoryCode: doc.categoryCode, values })
  }
  // Its age counts from when it is ready: a reload that takes longer than maxAgeMs must not be
  // followed at once by another.
  fresh.loadedAt = Date.now()
  cache = fresh
}

function reload(): Promise<void> {
  loading ??= load().finally(() => {
    loading = undefined
  })
  return loading
}

/** The rollup rows of the days from `from` to `to` (inclusive, "YYYY-MM-DD"), fresh within `maxAgeMs`. */
export async function rollupRows(maxAgeMs: number, from: string, to: string): Promise<RollupRow[]> {
  if (!cache) await reload()
  else if (Date.now() - cache.loadedAt > maxAgeMs) void reload().catch(() => undefined)
  const rows: RollupRow[] = []
  // Walk the calendar days of the period (UTC arithmetic on plain dates: no time zone involved).
  const last = Date.parse(`${to}T00:00:00Z`)
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= last; day += 86_400_000) {
    const found = cache!.byDay.get(new Date(day).toISOString().slice(0, 10))
    if (found) rows.push(...found)
  }
  return rows
}

/** Adds what this instance just stored, so its own dashboards never lag behind it. */
export function addToRollupCache(contributions: readonly RollupContribution[]): void {
  if (!cache) return
  for (const { day, unitId, categoryCode, counts } of contributions) {
    const key = `${day}|${unitId}|${categoryCode}`
    let row = cache.rows.get(key)
    if (!row) {
      row = { day, unitId, categoryCode, values: emptyTotal() }
      index(cache, key, row)
    }
    addInto(row.values, counts)
  }
}

/** After a rebuild (or in tests that write rollups directly) the next read loads afresh. */
export function invalidateRollupCache(): void {
  cache = undefined
}

import { emptyCounts, rollupCounters, type RollupContribution, type RollupCounts } from '@minqing/shared'
import { forgetOnReset } from '../processState/processState'
import { RollupModel } from './rollup.model'
import { yieldToLoop } from './period'
import {
  daysAfter,
  readRollupSnapshot,
  stableThrough,
  writeRollupSnapshot,
  type SnapshotRow,
} from './rollupSnapshots'

const width = rollupCounters.length
const counterIndex = new Map<string, number>(rollupCounters.map((name, index) => [name, index]))

/**
 * One day's rows: their units and categories side by side, and all their counters in one
 * Float64Array (row i at [i × width, (i + 1) × width), in `rollupCounters` order). A year of a
 * million cases is ~300k rows × 38 counters: summed by name on plain objects that took 1.5 s;
 * with one numeric array per day the sum is a tight loop and the heap holds a few hundred objects.
 */
interface DayBlock {
  unitIds: string[]
  categoryCodes: string[]
  values: Float64Array
  size: number
}

/**
 * The daily rollups held in memory for the dashboards. FerretDB evaluates filters other than `_id`
 * by decoding every document (~0.3 ms each), so reading a period's rows per request grows with
 * the collection; summing in memory takes milliseconds at any size, and by day a period touches
 * only its own days. This instance adds its own contributions as it commits them; other
 * instances' writes arrive with the next reload, at most `maxAgeMs` later (STATS_CACHE_MS;
 * served stale while the reload runs).
 */
interface Cache {
  slots: Map<string, { block: DayBlock; row: number }>
  byDay: Map<string, DayBlock>
  loadedAt: number
}
let cache: Cache | undefined
let loading: Promise<void> | undefined

function slot(into: Cache, day: string, unitId: string, categoryCode: string) {
  const key = `${day}|${unitId}|${categoryCode}`
  const found = into.slots.get(key)
  if (found) return found
  let block = into.byDay.get(day)
  if (!block) {
    block = { unitIds: [], categoryCodes: [], values: new Float64Array(16 * width), size: 0 }
    into.byDay.set(day, block)
  }
  if ((block.size + 1) * width > block.values.length) {
    const grown = new Float64Array(block.values.length * 2)
    grown.set(block.values)
    block.values = grown
  }
  block.unitIds.push(unitId)
  block.categoryCodes.push(categoryCode)
  const created = { block, row: block.size++ }
  into.slots.set(key, created)
  return created
}

function addInto(target: { block: DayBlock; row: number }, counts: Partial<RollupCounts>): void {
  const base = target.row * width
  for (const [name, value] of Object.entries(counts)) {
    const index = counterIndex.get(name)
    if (index !== undefined && value) target.block.values[base + index]! += value
  }
}

/** More days than this after the snapshot (a long stop): one pass over every row is cheaper. */
const maxDaysAfterSnapshot = 45
/** Set by invalidateRollupCache: the next load reads every row, not the snapshot. */
let fullNext = false

async function load(): Promise<void> {
  const startedAt = new Date()
  const fresh: Cache = { slots: new Map(), byDay: new Map(), loadedAt: 0 }
  const wantSnapshot = !fullNext
  fullNext = false
  const snapshot = wantSnapshot ? await readRollupSnapshot().catch(() => null) : null
  const after = snapshot ? daysAfter(snapshot.throughDay) : []
  if (snapshot && after.length <= maxDaysAfterSnapshot) {
    // The persisted months (a few dozen documents), then the days since by `day` equality.
    for (const part of snapshot.rows)
      for (let row = 0; row < part.days.length; row++) {
        const target = slot(fresh, part.days[row]!, part.unitIds[row]!, part.categoryCodes[row]!)
        const base = target.row * width
        target.block.values.set(part.values.subarray(row * width, (row + 1) * width), base)
      }
    for (const day of after)
      for await (const doc of RollupModel.find({ day }).lean().cursor({ batchSize: 5000 }))
        addInto(slot(fresh, doc.day, doc.unitId, doc.categoryCode), doc as unknown as Partial<RollupCounts>)
  } else {
    // Streamed: a million-case year is ~300k rows, and holding every document at once is what a
    // reload must not do.
    for await (const doc of RollupModel.find().lean().cursor({ batchSize: 5000 }))
      addInto(slot(fresh, doc.day, doc.unitId, doc.categoryCode), doc as unknown as Partial<RollupCounts>)
  }
  // Its age counts from when it is ready: a reload that takes longer than maxAgeMs must not be
  // followed at once by another.
  fresh.loadedAt = Date.now()
  cache = fresh
  // A new snapshot when there is none or the stable days moved on (about once a day).
  const latest = [...fresh.byDay.keys()].reduce((max, day) => (day > max ? day : max), '')
  if (!latest) return
  const through = stableThrough(latest)
  if (!snapshot || snapshot.throughDay < through)
    snapshotWrite = writeRollupSnapshot(through, startedAt, rowsOf(fresh, through)).catch(() => 0)
}

/** The latest snapshot write this instance started (tests and the bench wait for it). */
let snapshotWrite: Promise<number> = Promise.resolve(0)
export const rollupSnapshotWritten = () => snapshotWrite

function* rowsOf(from: Cache, through: string): Generator<SnapshotRow> {
  const days = [...from.byDay.keys()].filter((day) => day <= through).sort()
  for (const day of days) {
    const block = from.byDay.get(day)!
    for (let row = 0; row < block.size; row++)
      yield {
        day,
        unitId: block.unitIds[row]!,
        categoryCode: block.categoryCodes[row]!,
        values: block.values,
        offset: row * width,
      }
  }
}

function reload(): Promise<void> {
  loading ??= load().finally(() => {
    loading = undefined
  })
  return loading
}

export const emptyTotal = () => new Float64Array(width)

/** A total as named counts, for the rate functions and answers. */
export function countsOf(total: Float64Array): RollupCounts {
  const counts = emptyCounts()
  rollupCounters.forEach((name, index) => (counts[name] = total[index]!))
  return counts
}

/**
 * Sums the rows of the days from `from` to `to` (inclusive, "YYYY-MM-DD"), fresh within
 * `maxAgeMs`, into one total per group: `groupOf` names a row's group, or null to leave it out.
 */
export async function sumRollups(
  maxAgeMs: number,
  from: string,
  to: string,
  groupOf: (unitId: string, categoryCode: string) => string | null,
): Promise<Map<string, Float64Array>> {
  if (!cache) await reload()
  else if (Date.now() - cache.loadedAt > maxAgeMs) void reload().catch(() => undefined)
  const totals = new Map<string, Float64Array>()
  // Walk the calendar days of the period (UTC arithmetic on plain dates: no time zone involved).
  const last = Date.parse(`${to}T00:00:00Z`)
  const loaded = cache!
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= last; day += 86_400_000) {
    const block = loaded.byDay.get(new Date(day).toISOString().slice(0, 10))
    if (!block) continue
    // A long period at a million cases a year is ~10^7 additions: one day at a time, with the
    // event loop's other requests (and /healthz) served in between.
    await yieldToLoop()
    for (let row = 0; row < block.size; row++) {
      const group = groupOf(block.unitIds[row]!, block.categoryCodes[row]!)
      if (group === null) continue
      let total = totals.get(group)
      if (!total) totals.set(group, (total = emptyTotal()))
      const base = row * width
      for (let index = 0; index < width; index++) total[index]! += block.values[base + index]!
    }
  }
  return totals
}

/** Adds what this instance just stored, so its own dashboards never lag behind it. */
export function addToRollupCache(contributions: readonly RollupContribution[]): void {
  if (!cache) return
  for (const { day, unitId, categoryCode, counts } of contributions)
    addInto(slot(cache, day, unitId, categoryCode), counts)
}

/**
 * After a rebuild (or in tests that write rollups directly) the next read loads afresh, from every
 * row (the persisted snapshot may predate the change; a rebuild also marks it invalid for all).
 */
export function invalidateRollupCache(): void {
  cache = undefined
  fullNext = true
}

/** As after a restart: the next read loads again, from the persisted snapshot if one holds. */
export function forgetRollupCache(): void {
  cache = undefined
}
forgetOnReset(async () => {
  await Promise.allSettled([loading, snapshotWrite])
  cache = undefined
  loading = undefined
  fullNext = false
  snapshotWrite = Promise.resolve(0)
})

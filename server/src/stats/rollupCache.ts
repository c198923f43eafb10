import {
  addCounts,
  emptyCounts,
  rollupCounters,
  type RollupContribution,
  type RollupCounts,
} from '@minqing/shared'
import { RollupModel } from './rollup.model'

export type RollupRow = RollupCounts & { day: string; unitId: string; categoryCode: string }

/**
 * The daily rollups held in memory for the dashboards. FerretDB evaluates filters other than `_id`
 * by decoding every document (~0.3 ms each), so reading a period's rows per request grows with
 * the collection; summing in memory takes milliseconds at any size. This instance adds its own
 * contributions as it commits them; other instances' writes arrive with the next reload, at most
 * `maxAgeMs` later (STATS_CACHE_MS; served stale while the reload runs).
 */
let cache: { rows: Map<string, RollupRow>; loadedAt: number } | undefined
let loading: Promise<void> | undefined

async function load(): Promise<void> {
  const rows = new Map<string, RollupRow>()
  for (const doc of await RollupModel.find().lean()) {
    const counts = emptyCounts()
    for (const name of rollupCounters) counts[name] = (doc as unknown as Record<string, number>)[name] ?? 0
    rows.set(doc._id, { ...counts, day: doc.day, unitId: doc.unitId, categoryCode: doc.categoryCode })
  }
  cache = { rows, loadedAt: Date.now() }
}

function reload(): Promise<void> {
  loading ??= load().finally(() => {
    loading = undefined
  })
  return loading
}

/** Every rollup row, fresh within `maxAgeMs`. */
export async function rollupRows(maxAgeMs: number): Promise<Iterable<RollupRow>> {
  if (!cache) await reload()
  else if (Date.now() - cache.loadedAt > maxAgeMs) void reload().catch(() => undefined)
  return cache!.rows.values()
}

/** Adds what this instance just stored, so its own dashboards never lag behind it. */
export function addToRollupCache(contributions: readonly RollupContribution[]): void {
  if (!cache) return
  for (const { day, unitId, categoryCode, counts } of contributions) {
    const key = `${day}|${unitId}|${categoryCode}`
    const row = cache.rows.get(key) ?? { ...emptyCounts(), day, unitId, categoryCode }
    addCounts(row, counts)
    cache.rows.set(key, row)
  }
}

/** After a rebuild (or in tests that write rollups directly) the next read loads afresh. */
export function invalidateRollupCache(): void {
  cache = undefined
}

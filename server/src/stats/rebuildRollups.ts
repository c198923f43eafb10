import {
  addCounts,
  emptyCounts,
  nonZeroCounts,
  rollupContributions,
  type RollupCounts,
  type RollupEvent,
} from '@minqing/shared'
import { CaseEventModel } from '../cases/caseEvent.model'
import { RollupModel } from './rollup.model'
import { invalidateRollupCache } from './rollupCache'
import { invalidateRollupSnapshots } from './rollupSnapshots'
import { projectRollups } from './rollupProjection'

/** Recounts every rollup from the event log (the events are the truth; rollups are a cache). */
export async function recountRollups(): Promise<
  Map<string, RollupCounts & { day: string; unitId: string; categoryCode: string }>
> {
  const rows = new Map<string, RollupCounts & { day: string; unitId: string; categoryCode: string }>()
  const cursor = CaseEventModel.find({}, { action: 1, at: 1, to: 1, data: 1 })
    .sort({ _id: 1 })
    .lean()
    .cursor()
  for await (const event of cursor) {
    for (const { day, unitId, categoryCode, counts } of rollupContributions(
      event as unknown as RollupEvent,
    )) {
      const key = `${day}|${unitId}|${categoryCode}`
      const row = rows.get(key) ?? { ...emptyCounts(), day, unitId, categoryCode }
      addCounts(row, counts)
      rows.set(key, row)
    }
  }
  return rows
}

/** Replaces the rollups with a recount from the events; returns the number of rows. */
export async function rebuildRollups(): Promise<number> {
  // The background step first takes what is waiting, so it does not add those events again after
  // the recount (one stored during the recount can still be counted twice until the next repair).
  await projectRollups()
  const rows = await recountRollups()
  // Dropped and recreated, not emptied: FerretDB's deleteMany lists every id in one SQL statement
  // and fails ("too many SQL variables") past ~100k documents.
  await RollupModel.collection.drop().catch(() => undefined)
  await RollupModel.createIndexes()
  const docs = [...rows.entries()].map(([key, { day, unitId, categoryCode, ...counts }]) => ({
    _id: key,
    day,
    unitId,
    categoryCode,
    ...nonZeroCounts(counts),
  }))
  for (let start = 0; start < docs.length; start += 1000)
    await RollupModel.insertMany(docs.slice(start, start + 1000), { ordered: false })
  await invalidateRollupSnapshots()
  invalidateRollupCache()
  return docs.length
}

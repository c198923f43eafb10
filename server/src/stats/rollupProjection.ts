import {
  addCounts,
  emptyCounts,
  nonZeroCounts,
  rollupContributions,
  type RollupCounts,
  type RollupEvent,
} from '@minqing/shared'
import { project, type OutboxEvent, type Projection, type StepHook } from '../cases/eventOutbox'
import { isDuplicateKey } from '../db/duplicateKey'
import { serialByKey } from '../db/serialByKey'
import { RollupModel } from './rollup.model'
import { addToRollupCache } from './rollupCache'
import { invalidateRollupSnapshots, touchesSnapshot } from './rollupSnapshots'

/**
 * The rollups of the events the submit path leaves to the background. A batch's contributions
 * are summed per row and each row is moved once per batch: the row remembers the last batch it
 * took (`lastBatch`), so a batch retried after a crash skips the rows it already moved.
 */
export const rollupProjection: Projection = {
  name: 'rollups',
  async apply(events: OutboxEvent[], batch: string, hook?: StepHook) {
    const rows = new Map<
      string,
      { day: string; unitId: string; categoryCode: string; counts: RollupCounts }
    >()
    for (const event of events)
      for (const contribution of rollupContributions(event as unknown as RollupEvent)) {
        const id = `${contribution.day}|${contribution.unitId}|${contribution.categoryCode}`
        const { day, unitId, categoryCode } = contribution
        const row = rows.get(id) ?? { day, unitId, categoryCode, counts: emptyCounts() }
        addCounts(row.counts, contribution.counts)
        rows.set(id, row)
      }
    for (const [id, row] of rows) {
      const counts = nonZeroCounts(row.counts)
      if (!Object.keys(counts).length) continue
      const moved = await serialByKey(`rollup|${id}`, () => moveOnce(id, row, counts, batch))
      if (moved) addToRollupCache([{ ...row, counts }])
      await hook?.('row')
    }
    // A day other than today may be inside the persisted snapshot: marked invalid once moved (after,
    // so a snapshot whose load began before the mark cannot have missed the move).
    if ([...rows.values()].some((row) => touchesSnapshot(row.day))) await invalidateRollupSnapshots()
  },
}

/** Adds a batch's counts to one row unless the row took that batch already. True when it moved. */
async function moveOnce(
  id: string,
  row: { day: string; unitId: string; categoryCode: string },
  counts: Record<string, number>,
  batch: string,
): Promise<boolean> {
  const update = { $inc: counts, $set: { lastBatch: batch } }
  try {
    const result = await RollupModel.updateOne(
      { _id: id, lastBatch: { $ne: batch } },
      {
        ...update,
        $setOnInsert: { day: row.day, unitId: row.unitId, categoryCode: row.categoryCode },
      },
      { upsert: true },
    )
    return result.modifiedCount + result.upsertedCount > 0
  } catch (error) {
    // The row exists: either it took this batch already, or another writer created it just now.
    if (!isDuplicateKey(error)) throw error
    const result = await RollupModel.updateOne({ _id: id, lastBatch: { $ne: batch } }, update)
    return result.modifiedCount > 0
  }
}

/** Brings the rollups up to date with the events stored so far (before a dashboard reads them). */
export function projectRollups(hook?: StepHook) {
  return project(rollupProjection, hook)
}

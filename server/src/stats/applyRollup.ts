import { rollupContributions, type RollupEvent } from '@minqing/shared'
import { RollupModel } from './rollup.model'
import { addToRollupCache } from './rollupCache'
import { upsert } from '../db/duplicateKey'
import { serialByKey } from '../db/serialByKey'
import { invalidateRollupSnapshots, touchesSnapshot } from './rollupSnapshots'

/**
 * Adds an event's contributions to the daily rollups. Called right after the event is stored;
 * if the process dies in between, `rebuildRollups` (from the events) puts the counts right.
 */
export async function applyRollup(event: RollupEvent): Promise<void> {
  const contributions = rollupContributions(event)
  for (const { day, unitId, categoryCode, counts } of contributions) {
    const update = {
      $inc: counts,
      $setOnInsert: { day, unitId, categoryCode },
    }
    const id = `${day}|${unitId}|${categoryCode}`
    // $inc is read-then-write on FerretDB: this instance's updates of one row go one at a time.
    await serialByKey(`rollup|${id}`, () => upsert(RollupModel, { _id: id }, update))
  }
  // A day other than today may be inside the persisted snapshot: it no longer holds (marked after
  // the write, so a snapshot whose load began before the mark cannot have missed it).
  if (contributions.some((contribution) => touchesSnapshot(contribution.day)))
    await invalidateRollupSnapshots()
  addToRollupCache(contributions)
}

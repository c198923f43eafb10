import { rollupContributions, type RollupEvent } from '@minqing/shared'
import { RollupModel } from './rollup.model'
import { upsert } from '../db/duplicateKey'

/**
 * Adds an event's contributions to the daily rollups. Called right after the event is stored;
 * if the process dies in between, `rebuildRollups` (from the events) puts the counts right.
 */
export async function applyRollup(event: RollupEvent): Promise<void> {
  for (const { day, unitId, categoryCode, counts } of rollupContributions(event)) {
    const update = {
      $inc: counts,
      $setOnInsert: { day, unitId, categoryCode },
    }
    await upsert(RollupModel, { _id: `${day}|${unitId}|${categoryCode}` }, update)
  }
}

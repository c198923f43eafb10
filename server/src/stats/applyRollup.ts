import { rollupContributions, type RollupEvent } from '@minqing/shared'
import mongoose from 'mongoose'
import { RollupModel } from './rollup.model'

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
    const _id = `${day}|${unitId}|${categoryCode}`
    try {
      await RollupModel.updateOne({ _id }, update, { upsert: true })
    } catch (error) {
      // Two first upserts of one row race (FerretDB answers duplicate key): the second increments.
      if (!(error instanceof mongoose.mongo.MongoServerError && error.code === 11000)) throw error
      await RollupModel.updateOne({ _id }, { $inc: counts })
    }
  }
}

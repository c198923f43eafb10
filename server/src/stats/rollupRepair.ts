import type { RollupEvent } from '@minqing/shared'
import mongoose, { Schema } from 'mongoose'
import type { AppDeps } from '../http/deps'
import { forgetOnReset } from '../processState/processState'
import { applyRollup } from './applyRollup'
import { rebuildRollups } from './rebuildRollups'

/**
 * Rollups are a cache of the event log. A failed rollup write must not fail the change it counts
 * (the event is already stored), but neither may it be swallowed: it is recorded here — in the
 * database, so any instance repairs it, and in memory, in case the database write failed too —
 * and the `repairRollups` job recounts the rollups from the events and logs what happened.
 */
const repairSchema = new Schema(
  {
    _id: String,
    firstFailedAt: Date,
    lastFailedAt: Date,
    lastError: String,
    failures: Number,
  },
  { versionKey: false },
)
export const RollupRepairModel = mongoose.model('RollupRepair', repairSchema, 'rollup_repairs')

const markerId = 'rollups'
let failedHere: { at: Date; error: string; failures: number } | null = null
forgetOnReset(() => {
  failedHere = null
})

/** Applies an event to the rollups; on failure, marks them for repair instead of failing the caller. */
export async function applyRollupOrMarkRepair(event: RollupEvent): Promise<void> {
  try {
    await applyRollup(event)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = new Date()
    failedHere = { at, error: message, failures: (failedHere?.failures ?? 0) + 1 }
    await RollupRepairModel.updateOne(
      { _id: markerId },
      {
        $set: { lastFailedAt: at, lastError: message },
        $setOnInsert: { firstFailedAt: at },
        $inc: { failures: 1 },
      },
      { upsert: true },
    ).catch(() => undefined) // the in-memory mark still stands
  }
}

/** The scheduled repair: a recount from the events when any write failed since the last one. */
export async function repairRollups(
  deps: Pick<AppDeps, 'logger'>,
): Promise<{ repaired: boolean; rows?: number }> {
  const marker = await RollupRepairModel.findById(markerId).lean()
  const local = failedHere
  if (!marker && !local) return { repaired: false }
  const startedAt = new Date()
  deps.logger.error(
    {
      failures: marker?.failures ?? local?.failures,
      since: marker?.firstFailedAt ?? local?.at,
      lastError: marker?.lastError ?? local?.error,
    },
    'rollup writes failed; recounting the rollups from the event log',
  )
  const rows = await rebuildRollups()
  // Only the failures this recount covered are cleared: one after it started waits for the next run.
  await RollupRepairModel.deleteOne({ _id: markerId, lastFailedAt: { $lte: startedAt } })
  if (failedHere && failedHere.at <= startedAt) failedHere = null
  deps.logger.info({ rows }, 'rollups recounted from the event log')
  return { repaired: true, rows }
}

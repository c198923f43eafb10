import { rollupCounters } from '@minqing/shared'
import mongoose, { Schema } from 'mongoose'

/**
 * Daily counters per (China-time day, unit, category), moved as case events happen, so dashboards
 * read a few thousand rows instead of every case. `_id` is "day|unit|category".
 */
const rollupSchema = new Schema(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    unitId: { type: String, required: true },
    categoryCode: { type: String, required: true },
    // No defaults: a row stores only the counters that moved (a missing one reads as 0).
    ...Object.fromEntries(rollupCounters.map((name) => [name, { type: Number }])),
    /** The last background batch this row took (stats/rollupProjection.ts): a retried batch skips it. */
    lastBatch: { type: String },
  },
  { collection: 'case_rollups', versionKey: false },
)
rollupSchema.index({ day: 1 })

export const RollupModel = mongoose.model('CaseRollup', rollupSchema)

import mongoose, { Schema } from 'mongoose'
import { expireAfter } from '../db/expiry'

/**
 * One row per job and tick: `_id` is "job|tick". Creating it is the claim — the unique _id lets
 * exactly one of several server instances run a job in a tick, with no lock held in memory.
 */
const jobRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    job: { type: String, required: true },
    tick: { type: Number, required: true },
    instance: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    result: { type: Schema.Types.Mixed, default: null },
    error: { type: String, default: null },
  },
  { collection: 'job_runs', versionKey: false },
)
jobRunSchema.index({ job: 1, tick: -1 })

export const JobRunModel = mongoose.model('JobRun', jobRunSchema)

// A month of job history is enough to see what ran; older ticks are never claimed again.
expireAfter('JobRun', 'startedAt', 30 * 24 * 3600)

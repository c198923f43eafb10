import mongoose, { Schema } from 'mongoose'

/**
 * One training of the dispatch model: when, on how much, how well (cross-validated). The model
 * itself lives in each instance's memory; an instance whose model is older than the newest run
 * retrains, so instances converge without shipping weights through the database.
 */
const dispatchRunSchema = new Schema({
  trainedAt: { type: Date, required: true },
  trigger: { type: String, enum: ['admin', 'schedule', 'startup'], required: true },
  samples: { type: Number, required: true },
  categories: { type: Number, required: true },
  units: { type: Number, required: true },
  top1: Number,
  top3: Number,
  unitTop1: Number,
  unitTop3: Number,
  /** null when no band reaches 99 % precision (automatic dispatch off). */
  autoThreshold: { type: Number, default: null },
  autoPrecision: Number,
  autoCoverage: Number,
  durationMs: Number,
})
dispatchRunSchema.index({ trainedAt: -1, _id: -1 })

export const DispatchRunModel = mongoose.model('DispatchRun', dispatchRunSchema)

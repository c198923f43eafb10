import mongoose, { Schema } from 'mongoose'

import { reportReasons } from '../moderation/moderation'

/** One resident's report of an echo-wall item; one per person and item. */
const reportSchema = new Schema(
  {
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    reason: { type: String, enum: reportReasons, required: true },
  },
  { timestamps: true },
)
reportSchema.index({ caseId: 1, userId: 1 }, { unique: true })
export const EchoReportModel = mongoose.model('EchoReport', reportSchema)

/**
 * The moderation state of an item: hidden after 3 reports until a moderator decides; a decision
 * to show keeps it up whatever reports follow. Every decision is also in the log below.
 */
const stateSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true }, // the case id
    reports: { type: Number, default: 0 },
    hidden: { type: Boolean, default: false },
    decision: { type: String, enum: ['show', 'hide', null], default: null },
  },
  { collection: 'echo_wall_states', versionKey: false },
)
export const EchoStateModel = mongoose.model('EchoState', stateSchema)

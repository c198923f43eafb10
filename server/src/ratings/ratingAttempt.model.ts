import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/**
 * One attempt to get a rating from a caller without the app: a rating SMS (with a one-time link)
 * or a follow-up call (回访). `_id` = case | resolution | kind | n, claimed by insert, so attempt n
 * of a resolution happens once across instances. The policy counts these before "no rating".
 */
const ratingAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    /** The resolution this attempt asks about (a reopened case resolved again is asked again). */
    resolvedAt: { type: Date, required: true },
    kind: { type: String, enum: ['sms', 'call'], required: true },
    phone: { type: String, required: true },
    /** SHA-256 of the one-time link code sent in the SMS; null for calls. */
    linkKey: { type: String, default: null },
    at: { type: Date, required: true },
    /** For calls: what came of it; for SMS: set when answered. */
    outcome: { type: String, enum: ['noAnswer', 'refused', 'rated', null], default: null },
    answeredAt: { type: Date, default: null },
    byUserId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true },
)
ratingAttemptSchema.index({ phone: 1, at: -1 })
ratingAttemptSchema.index({ caseId: 1, at: -1 })
ratingAttemptSchema.index({ linkKey: 1 })

export type RatingAttemptDocument = HydratedDocument<InferSchemaType<typeof ratingAttemptSchema>>
export const RatingAttemptModel = mongoose.model('RatingAttempt', ratingAttemptSchema)

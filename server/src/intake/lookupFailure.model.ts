import mongoose, { Schema } from 'mongoose'

/**
 * Wrong query codes per phone and lock window: `_id` = case-lookup|phone|window|n. Kept apart from
 * the generic claims so the lock can be checked without claiming; old windows are never read again.
 */
export const LookupFailureModel = mongoose.model(
  'LookupFailure',
  new Schema({ _id: String, at: Date }, { collection: 'lookup_failures', versionKey: false }),
)

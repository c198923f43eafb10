import { intakeChannels } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/**
 * A call (or visit, letter…) an operator took for a person without the app. Its `_id` is the
 * case's `_id` (both derived from operator + clientId), so a retry finds both by `_id`. The caller's
 * name and phone live here and on the case's `contactPhone`, like a resident's contact: shown
 * masked in lists, in full only through the audited contact route.
 */
const intakeCallSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    channel: { type: String, enum: intakeChannels, required: true },
    caller: {
      type: new Schema({ name: String, phone: String }, { _id: false }),
      required: true,
    },
    wantsCallBack: { type: Boolean, default: false },
    operatorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    receivedAt: { type: Date, required: true },
    /**
     * The query code (查询码) the caller reads from the SMS; kept so the accepted SMS can be
     * resent. Lookups go by `lookupKey` = HMAC(phone, code), unique, so a clash draws a new code.
     */
    queryCode: { type: String, required: true },
    lookupKey: { type: String, required: true },
  },
  { timestamps: true },
)
intakeCallSchema.index({ lookupKey: 1 }, { unique: true })
intakeCallSchema.index({ 'caller.phone': 1, receivedAt: -1 })
intakeCallSchema.index({ operatorId: 1, receivedAt: -1 })

export type IntakeCallDocument = HydratedDocument<InferSchemaType<typeof intakeCallSchema>>
export const IntakeCallModel = mongoose.model('IntakeCall', intakeCallSchema)

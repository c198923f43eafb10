import mongoose, { Schema } from 'mongoose'

/**
 * One acceptance of a subscribe-message template by a resident (wx.requestSubscribeMessage on a
 * tap): WeChat then lets the mini-program send that resident exactly one message of that template.
 * `_id` is (user, client request, template), so a retried report of the same tap stores it once.
 * Used allowances are kept (usedAt, outboxId) as the record of why a message was sent.
 */
const allowanceSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    templateId: { type: String, required: true },
    kind: { type: String, required: true },
    /** The case page the tap was on; null when given after a submission for any case. */
    caseId: { type: Schema.Types.ObjectId, default: null },
    grantedAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    outboxId: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false },
)
allowanceSchema.index({ userId: 1, templateId: 1, usedAt: 1 })

export const SubscribeAllowanceModel = mongoose.model('SubscribeAllowance', allowanceSchema)

import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/**
 * Messages to the outside (WeChat subscribe messages, SMS). Delivery state lives on the record —
 * attempts, last error, next attempt — never only in a log (FixMyStreet's send queue).
 */
export const outboxChannels = ['wechatSubscribe', 'sms'] as const
export type OutboxChannel = (typeof outboxChannels)[number]

const outboxSchema = new Schema(
  {
    channel: { type: String, enum: outboxChannels, required: true },
    /** The recipient's account; null for someone without one (an SMS login code, a caller). */
    userId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** The recipient's address on the channel (WeChat openid, mobile number for SMS). */
    address: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    /** The subscribe-message template the resident allowed for this message. */
    templateId: { type: String, default: null },
    /**
     * `skipped`: never sent, with the reason in lastError (e.g. the resident allowed no message of
     * this template: WeChat refuses a subscribe message without a one-time allowance).
     */
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed', 'skipped'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    nextAttemptAt: { type: Date, required: true },
    /** While "sending": when the claim expires, so a crashed sender's item is picked up again. */
    leaseUntil: { type: Date, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true },
)
outboxSchema.index({ status: 1, nextAttemptAt: 1 })
outboxSchema.index({ userId: 1, createdAt: -1 })

export const OutboxModel = mongoose.model('Outbox', outboxSchema)
export type OutboxDocument = HydratedDocument<InferSchemaType<typeof outboxSchema>>

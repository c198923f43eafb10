import mongoose, { Schema } from 'mongoose'

/**
 * A one-time SMS login code (短信验证码). Only its hash is kept; `_id` is phone|issuedAt so a
 * phone's codes are found by one prefix-free lookup of the latest. Expired codes are removed by
 * the code check itself and never accepted (FerretDB has no TTL indexes).
 */
const loginCodeSchema = new Schema(
  {
    _id: { type: String, required: true },
    phone: { type: String, required: true },
    codeHash: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false },
)
loginCodeSchema.index({ phone: 1, issuedAt: -1 })

export const LoginCodeModel = mongoose.model('LoginCode', loginCodeSchema)

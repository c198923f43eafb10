import mongoose, { Schema } from 'mongoose'

export const identityProviders = ['phone', 'wechat', 'guest', 'open311'] as const
export type IdentityProvider = (typeof identityProviders)[number]

/**
 * How a person proves who they are: a phone number, a WeChat openid or a guest device.
 * Kept apart from users because FerretDB v1 has no sparse/partial unique indexes: one plain
 * unique (provider, key) index here makes every login key unique.
 */
const identitySchema = new Schema(
  {
    provider: { type: String, enum: identityProviders, required: true },
    key: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
identitySchema.index({ provider: 1, key: 1 }, { unique: true })
identitySchema.index({ userId: 1 })

export const IdentityModel = mongoose.model('Identity', identitySchema)

import mongoose, { Schema } from 'mongoose'

/**
 * Refresh tokens are stored as SHA-256 hashes. Each login starts a family; a refresh rotates the
 * token within its family, and presenting an already-rotated token revokes the whole family
 * (someone else holds a copy). Rotation and revocation are decided by unique inserts
 * (sessionClaims.ts); `revoked` here is the flag a reader sees first.
 */
const refreshTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    family: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    revoked: { type: Boolean, default: false },
  },
  { timestamps: true },
)
refreshTokenSchema.index({ tokenHash: 1 }, { unique: true })
refreshTokenSchema.index({ family: 1 })

export const RefreshTokenModel = mongoose.model('RefreshToken', refreshTokenSchema)

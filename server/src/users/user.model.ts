import { positionLevels, roles } from '@minqing/shared'
import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from 'mongoose'

const userSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 50 },
    role: { type: String, enum: roles, required: true },
    /** Contact phone in full; never leaves the server unmasked except to roles allowed to see it. */
    phone: { type: String, default: null },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    positionLevel: { type: String, enum: [...positionLevels, null], default: null },
    passwordHash: { type: String, default: null },
    failedLogins: { type: Number, default: 0 },
    lockedUntil: { type: Date, default: null },
    disabled: { type: Boolean, default: false },
    isGuest: { type: Boolean, default: false },
  },
  { timestamps: true },
)
userSchema.index({ unitId: 1, role: 1 })

export type UserRecord = InferSchemaType<typeof userSchema>
export type UserDocument = HydratedDocument<UserRecord>
export const UserModel = mongoose.model('User', userSchema)

import { clearOnWrite, memoryCache } from '../db/memoryCache'
import { positionLevels, roles } from '@minqing/shared'
import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from 'mongoose'

const userSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 50 },
    role: { type: String, enum: roles, required: true },
    /** Contact phone in full; never leaves the server unmasked except to roles allowed to see it. */
    phone: { type: String, default: null },
    /** When WeChat verified the phone (getPhoneNumber); null for a number typed by hand. */
    phoneVerifiedAt: { type: Date, default: null },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    /** The user's tenant: their unit's; for an admin the one chosen, null = city level (tenants/). */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
    positionLevel: { type: String, enum: [...positionLevels, null], default: null },
    passwordHash: { type: String, default: null },
    /** Failed logins are counted as claims within the current epoch (see auth/failedLogins.ts). */
    loginEpoch: { type: Number, default: 0 },
    lockedUntil: { type: Date, default: null },
    /** Set by an admin's reset: the temporary password only serves to choose a new one. */
    mustChangePassword: { type: Boolean, default: false },
    passwordChangedAt: { type: Date, default: null },
    disabled: { type: Boolean, default: false },
    /**
     * Raised when an admin changes the role or unit: access tokens carry the version they were
     * signed with, and an older one is answered TOKEN_EXPIRED so the client refreshes into the new role.
     */
    tokenVersion: { type: Number, default: 0 },
    isGuest: { type: Boolean, default: false },
  },
  { timestamps: true },
)
userSchema.index({ unitId: 1, role: 1 })

export type UserRecord = InferSchemaType<typeof userSchema>
export type UserDocument = HydratedDocument<UserRecord>
/**
 * Who holds which staff role in which unit, for choosing notification recipients on every case
 * event without scanning the users each time (see memoryCache). Residents (notified by id) and
 * disabled accounts are left out.
 */
export const userDirectory = memoryCache(async () =>
  (
    await UserModel.find(
      { role: { $ne: 'resident' }, disabled: { $ne: true } },
      { role: 1, unitId: 1 },
    ).lean()
  ).map((user) => ({
    id: String(user._id),
    role: user.role,
    unitId: user.unitId ? String(user.unitId) : null,
  })),
)
clearOnWrite(userSchema, userDirectory, {
  fields: ['role', 'unitId', 'disabled'],
  matters: (user) => user.role !== 'resident',
})

/**
 * Accounts whose access tokens need a second look: disabled ones, and those whose role or unit
 * an admin changed (tokenVersion > 0). Access tokens are stateless for 15 minutes; this small
 * cached list lets `authenticate` refuse them at once on this instance (cleared on write) and
 * within the cache's 30 s on the others, without a user lookup on every request.
 */
export const accountStates = memoryCache(async () => {
  const rows = await UserModel.find(
    { $or: [{ disabled: true }, { tokenVersion: { $gt: 0 } }] },
    { disabled: 1, tokenVersion: 1 },
  ).lean()
  return new Map(
    rows.map((row) => [
      String(row._id),
      { disabled: Boolean(row.disabled), tokenVersion: row.tokenVersion ?? 0 },
    ]),
  )
})
clearOnWrite(userSchema, accountStates, {
  fields: ['disabled', 'tokenVersion'],
  matters: (user) => Boolean(user.disabled) || Number(user.tokenVersion) > 0,
})

export const UserModel = mongoose.model('User', userSchema)

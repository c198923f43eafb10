import mongoose, { Schema } from 'mongoose'
import { isDuplicateKey } from '../db/duplicateKey'
import type { AppDeps } from '../http/deps'
import { RefreshTokenModel } from './refreshToken.model'

/**
 * Refresh rotation and family revocation as unique inserts: on FerretDB v1 a conditional update
 * (`revoked: false` → true) reads, then writes, so two concurrent refreshes with one token both
 * "won" and left two live sessions. Exactly one insert of `_id = old token id` succeeds.
 */
const RotationModel = mongoose.model(
  'RefreshRotation',
  new Schema({ _id: String, at: Date }, { collection: 'refresh_rotations', versionKey: false }),
)

/**
 * A revoked family is a row, not only a flag on its tokens: a token the winner of a race stores
 * after the loser revoked the family is still refused, whatever the order of the two writes.
 */
const RevokedFamilyModel = mongoose.model(
  'RevokedFamily',
  new Schema(
    { _id: String, at: Date, reason: String },
    { collection: 'revoked_families', versionKey: false },
  ),
)

async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert()
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** True for the one caller that may rotate this token. */
export function claimRotation(tokenId: string, at: Date): Promise<boolean> {
  return insertOnce(() => RotationModel.create({ _id: tokenId, at }))
}

export async function isFamilyRevoked(family: string): Promise<boolean> {
  return Boolean(await RevokedFamilyModel.exists({ _id: family }))
}

export type RevokeReason = 'reuse' | 'logout' | 'password-changed' | 'password-reset' | 'account-disabled'

/** Ends every session of the family; a reuse is logged as a warning (ids only, no personal data). */
export async function revokeFamily(
  deps: AppDeps,
  token: { family: string; userId: unknown },
  reason: RevokeReason,
): Promise<void> {
  await insertOnce(() => RevokedFamilyModel.create({ _id: token.family, at: deps.clock.now(), reason }))
  await RefreshTokenModel.updateMany({ family: token.family }, { $set: { revoked: true } })
  if (reason === 'reuse') {
    deps.logger.warn(
      { family: token.family, userId: String(token.userId) },
      'refresh token reused: its session family is revoked',
    )
  }
}

/** Ends every session of a user (password changed or reset). */
export async function revokeUserSessions(deps: AppDeps, userId: string, reason: RevokeReason): Promise<void> {
  const tokens = await RefreshTokenModel.find({ userId, revoked: false }, { family: 1 }).lean()
  for (const family of new Set(tokens.map((token) => token.family))) {
    await revokeFamily(deps, { family, userId }, reason)
  }
}

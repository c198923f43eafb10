import { AppError, tokenLifetimes, type Session } from '@minqing/shared'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { AppDeps } from '../http/deps'
import { tenantOfUser } from '../tenants/tenantOfUser'
import { presentUser } from '../users/presentUser'
import { UserModel, type UserDocument } from '../users/user.model'
import { RefreshTokenModel } from './refreshToken.model'
import { claimRotation, isFamilyRevoked, revokeFamily } from './sessionClaims'

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

async function storeRefreshToken(deps: AppDeps, userId: string, family: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await RefreshTokenModel.create({
    tokenHash: hashToken(token),
    userId,
    family,
    expiresAt: new Date(deps.clock.now().getTime() + tokenLifetimes.refreshSeconds * 1000),
  })
  return token
}

async function sessionFor(deps: AppDeps, user: UserDocument, family: string): Promise<Session> {
  const access = await deps.tokens.signAccess(
    {
      userId: user.id as string,
      role: user.role,
      unitId: user.unitId ? String(user.unitId) : null,
      tenantId: await tenantOfUser(user),
    },
    user.tokenVersion,
  )
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt.toISOString(),
    refreshToken: await storeRefreshToken(deps, user.id as string, family),
    user: presentUser(user, { fullPhone: true }),
  }
}

/** Starts a new session (a new refresh-token family) for a user who just proved who they are. */
export function startSession(deps: AppDeps, user: UserDocument): Promise<Session> {
  return sessionFor(deps, user, randomUUID())
}

/**
 * Exchanges a refresh token for a new pair. Rotation is claimed by a unique insert keyed by the
 * old token, so of two concurrent refreshes exactly one wins; the other is a reuse (someone else
 * holds a copy) and revokes the whole family, the winner's new token included.
 */
export async function refreshSession(deps: AppDeps, refreshToken: string): Promise<Session> {
  const now = deps.clock.now()
  const current = await RefreshTokenModel.findOne({ tokenHash: hashToken(refreshToken) })
  if (!current) throw new AppError('INVALID_TOKEN')
  if (await isFamilyRevoked(current.family)) throw new AppError('INVALID_TOKEN')
  if (current.revoked || !(await claimRotation(current.id as string, now))) {
    await revokeFamily(deps, current, 'reuse')
    throw new AppError('INVALID_TOKEN')
  }
  await RefreshTokenModel.updateOne({ _id: current._id }, { $set: { revoked: true } })
  if (current.expiresAt <= now) throw new AppError('INVALID_TOKEN')
  const user = await UserModel.findById(current.userId)
  if (!user) throw new AppError('INVALID_TOKEN')
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED')
  return sessionFor(deps, user, current.family)
}

/** Logging out revokes the whole family of the presented refresh token. */
export async function endSession(deps: AppDeps, refreshToken: string): Promise<void> {
  const token = await RefreshTokenModel.findOne({ tokenHash: hashToken(refreshToken) })
  if (token) await revokeFamily(deps, token, 'logout')
}

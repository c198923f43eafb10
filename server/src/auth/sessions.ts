import { AppError, tokenLifetimes, type Session } from '@minqing/shared'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { AppDeps } from '../http/deps'
import { presentUser } from '../users/presentUser'
import { UserModel, type UserDocument } from '../users/user.model'
import { RefreshTokenModel } from './refreshToken.model'

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
  const access = await deps.tokens.signAccess({
    userId: user.id as string,
    role: user.role,
    unitId: user.unitId ? String(user.unitId) : null,
  })
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
 * Exchanges a refresh token for a new pair. The old token is revoked atomically, so two
 * concurrent refreshes with the same token cannot both succeed; a reused token revokes its family.
 */
export async function refreshSession(deps: AppDeps, refreshToken: string): Promise<Session> {
  const tokenHash = hashToken(refreshToken)
  const now = deps.clock.now()
  const current = await RefreshTokenModel.findOneAndUpdate(
    { tokenHash, revoked: false },
    { $set: { revoked: true } },
    { new: false },
  )
  if (!current) {
    const reused = await RefreshTokenModel.findOne({ tokenHash })
    if (reused) await RefreshTokenModel.updateMany({ family: reused.family }, { $set: { revoked: true } })
    throw new AppError('INVALID_TOKEN')
  }
  if (current.expiresAt <= now) throw new AppError('INVALID_TOKEN')
  const user = await UserModel.findById(current.userId)
  if (!user) throw new AppError('INVALID_TOKEN')
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED')
  return sessionFor(deps, user, current.family)
}

/** Logging out revokes the whole family of the presented refresh token. */
export async function endSession(refreshToken: string): Promise<void> {
  const token = await RefreshTokenModel.findOne({ tokenHash: hashToken(refreshToken) })
  if (token) await RefreshTokenModel.updateMany({ family: token.family }, { $set: { revoked: true } })
}

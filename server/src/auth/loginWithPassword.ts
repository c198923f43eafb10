import { AppError, lockoutPolicy, type LoginInput } from '@minqing/shared'
import type { AppDeps } from '../http/deps'
import { IdentityModel } from '../users/identity.model'
import { UserModel, type UserDocument } from '../users/user.model'
import { decoyPasswordHash, verifyPassword } from './passwords'

/**
 * Checks phone + password. Unknown phones and wrong passwords give the same answer (and take the
 * same time), so the endpoint does not reveal who has an account. After `maxFailures` wrong
 * passwords in a row the account is locked for `lockMinutes`.
 */
export async function loginWithPassword(deps: AppDeps, input: LoginInput): Promise<UserDocument> {
  const now = deps.clock.now()
  const identity = await IdentityModel.findOne({ provider: 'phone', key: input.phone })
  const user = identity ? await UserModel.findById(identity.userId) : null
  if (!user?.passwordHash) {
    await verifyPassword(input.password, await decoyPasswordHash())
    throw new AppError('INVALID_CREDENTIALS')
  }
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now)

  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const updated = await UserModel.findOneAndUpdate(
      { _id: user._id },
      { $inc: { failedLogins: 1 } },
      { new: true },
    )
    if (updated && updated.failedLogins >= lockoutPolicy.maxFailures) {
      const lockedUntil = new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000)
      await UserModel.updateOne({ _id: user._id }, { $set: { lockedUntil, failedLogins: 0 } })
      deps.logger.warn({ userId: user.id }, 'account locked after repeated failed logins')
      throw lockedError(lockedUntil, now)
    }
    throw new AppError('INVALID_CREDENTIALS', {
      details: { attemptsLeft: lockoutPolicy.maxFailures - (updated?.failedLogins ?? 0) },
    })
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED')
  if (user.failedLogins > 0 || user.lockedUntil) {
    await UserModel.updateOne({ _id: user._id }, { $set: { failedLogins: 0, lockedUntil: null } })
  }
  return user
}

function lockedError(lockedUntil: Date, now: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', {
    details: {
      lockedUntil: lockedUntil.toISOString(),
      retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
    },
  })
}

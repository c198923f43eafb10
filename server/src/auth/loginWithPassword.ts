import { AppError, type LoginInput } from '@minqing/shared'
import { serialByKey } from '../db/serialByKey'
import type { AppDeps } from '../http/deps'
import { IdentityModel } from '../users/identity.model'
import { UserModel, type UserDocument } from '../users/user.model'
import { claimAttempt, failedAttempt, isLocked, succeededAttempt } from './failedLogins'
import { refundLoginAttempt, spendLoginAttempt } from './loginLimits'
import { hashSlots } from './hashSlots'
import { passwords } from './passwords'

/**
 * One answer for an unknown phone, a wrong password and a locked account: the same code,
 * message and (no) details, after the same scrypt work, so the endpoint tells nobody who has
 * an account or whose account is locked. Only the holder of the right password learns more
 * (disabled, must change the password).
 */
const invalidCredentials = () => new AppError('INVALID_CREDENTIALS')

/**
 * Proves phone + password: rate limits first (no scrypt for the flood), then one check at a
 * time per account in this process and at most `maxFailures` checks per lockout epoch across
 * instances (claimed by unique inserts, see failedLogins.ts).
 */
export async function provePassword(
  deps: AppDeps,
  input: LoginInput,
  clientIp: string,
): Promise<UserDocument> {
  const source = { ip: clientIp, phone: input.phone }
  await spendLoginAttempt(deps, source)
  const identity = await IdentityModel.findOne({ provider: 'phone', key: input.phone })
  const user = identity
    ? await serialByKey(`login|${String(identity.userId)}`, () =>
        checkPassword(deps, String(identity.userId), input.password),
      )
    : null
  if (!user) {
    if (!identity) await passwords.verify(input.password, await passwords.decoy(), { whenBusy: 'refuse' })
    throw invalidCredentials()
  }
  await refundLoginAttempt(deps, source)
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED')
  return user
}

/** Login: a proven password, unless an admin's reset requires choosing a new one first. */
export async function loginWithPassword(
  deps: AppDeps,
  input: LoginInput,
  clientIp: string,
): Promise<UserDocument> {
  const user = await provePassword(deps, input, clientIp)
  if (user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED')
  return user
}

/** The user when the password is right; null (after the same work) when not or when locked. */
async function checkPassword(deps: AppDeps, userId: string, password: string): Promise<UserDocument | null> {
  const now = deps.clock.now()
  const user = await UserModel.findById(userId)
  hashSlots.refuseIfFull()
  const attempt = user?.passwordHash && !isLocked(user, now) ? await claimAttempt(user, now) : null
  if (!user?.passwordHash || attempt === null) {
    await passwords.verify(password, await passwords.decoy(), { whenBusy: 'refuse' })
    return null
  }
  if (!(await passwords.verify(password, user.passwordHash, { whenBusy: 'refuse' }))) {
    await failedAttempt(deps, user, attempt, now)
    return null
  }
  await succeededAttempt(user)
  if (passwords.isWeakerThanCurrent(user.passwordHash)) {
    // Hashes carry their cost; one made cheaper than today's setting is upgraded while we know the password.
    await UserModel.updateOne({ _id: user._id }, { $set: { passwordHash: await passwords.hash(password) } })
  }
  return user
}

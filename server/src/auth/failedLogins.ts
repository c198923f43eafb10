import { lockoutPolicy } from '@minqing/shared'
import mongoose, { Schema } from 'mongoose'
import { isDuplicateKey } from '../db/duplicateKey'
import type { AppDeps } from '../http/deps'
import { UserModel, type UserDocument } from '../users/user.model'

/**
 * Each password check of an account first claims one of `maxFailures` numbered attempts of the
 * account's current epoch (`userId|epoch|n`, unique `_id`). Inserts on a unique key are the one
 * write FerretDB v1 decides atomically (its `$inc` reads, then writes: 30 concurrent wrong
 * passwords got 22–32 guesses past a counter), so across every instance at most `maxFailures`
 * guesses are checked per epoch. A right password starts a new epoch; the check that uses the
 * last attempt and fails locks the account and starts a new epoch for after the lock.
 */
const LoginAttemptModel = mongoose.model(
  'LoginAttempt',
  new Schema({ _id: String, at: Date }, { collection: 'login_attempts', versionKey: false }),
)

export function isLocked(user: UserDocument, now: Date): boolean {
  return Boolean(user.lockedUntil && user.lockedUntil > now)
}

/** The attempt number claimed (1…maxFailures), or null when the epoch's attempts are used up. */
export async function claimAttempt(user: UserDocument, now: Date): Promise<number | null> {
  for (let n = 1; n <= lockoutPolicy.maxFailures; n++) {
    try {
      await LoginAttemptModel.create({ _id: `${user.id as string}|${user.loginEpoch}|${n}`, at: now })
      return n
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
  return null
}

/** After a wrong password: the last attempt of the epoch locks the account. */
export async function failedAttempt(deps: AppDeps, user: UserDocument, attempt: number, now: Date) {
  if (attempt < lockoutPolicy.maxFailures) return
  const lockedUntil = new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000)
  await UserModel.updateOne({ _id: user._id }, { $set: { lockedUntil, loginEpoch: user.loginEpoch + 1 } })
  deps.logger.warn({ userId: user.id as string }, 'account locked after repeated failed logins')
}

/** After the right password: earlier failures no longer count. */
export async function succeededAttempt(user: UserDocument): Promise<void> {
  await UserModel.updateOne(
    { _id: user._id },
    { $set: { loginEpoch: user.loginEpoch + 1, lockedUntil: null } },
  )
}

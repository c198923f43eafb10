import { AppError, passwordProblems, type PasswordResetResult } from '@minqing/shared'
import { randomInt } from 'node:crypto'
import { passwords } from '../auth/passwords'
import { revokeUserSessions } from '../auth/sessionClaims'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { UserModel } from './user.model'

// No 0/O, 1/l/I: the admin reads the password out or writes it down for the user.
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function temporaryPassword(phone: string): string {
  for (;;) {
    const candidate = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('')
    if (passwordProblems(candidate, phone).length === 0) return candidate
  }
}

/**
 * An admin's reset: a random one-time password (12 characters, ~70 bits) replaces the old one,
 * every session of the account ends and any lock is lifted. It does not open a session: logging
 * in with it answers PASSWORD_CHANGE_REQUIRED, and it only serves to choose a new password.
 */
export async function resetPassword(
  deps: AppDeps,
  admin: Viewer,
  userId: string,
): Promise<PasswordResetResult> {
  const user = await UserModel.findById(userId)
  if (!user) throw new AppError('NOT_FOUND')
  if (!user.phone) {
    throw new AppError('CONFLICT', {
      message: '该账号不用手机号和密码登录，无需重置密码',
      messageEn: 'This account does not log in with a phone and password',
    })
  }
  const password = temporaryPassword(user.phone)
  await UserModel.updateOne(
    { _id: user._id },
    {
      $set: {
        passwordHash: await passwords.hash(password),
        mustChangePassword: true,
        lockedUntil: null,
        loginEpoch: user.loginEpoch + 1,
        passwordChangedAt: deps.clock.now(),
      },
    },
  )
  await revokeUserSessions(deps, user.id as string, 'password-reset')
  deps.logger.info({ userId: user.id as string, by: admin.userId }, 'password reset by an admin')
  return { temporaryPassword: password, mustChangePassword: true }
}

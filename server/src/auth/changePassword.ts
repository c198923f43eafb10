import type { ChangePasswordInput, Session } from '@minqing/shared'
import type { AppDeps } from '../http/deps'
import { UserModel } from '../users/user.model'
import { provePassword } from './loginWithPassword'
import { passwords } from './passwords'
import { revokeUserSessions } from './sessionClaims'
import { startSession } from './sessions'

/**
 * Sets a new password for whoever proves the current one (same limits and lockout as a login;
 * an admin's temporary password works here, and only here). Every other session of the account
 * ends: a thief holding a refresh token loses it. The caller gets a fresh session.
 */
export async function changePassword(
  deps: AppDeps,
  input: ChangePasswordInput,
  clientIp: string,
): Promise<Session> {
  const user = await provePassword(deps, { phone: input.phone, password: input.currentPassword }, clientIp)
  const passwordHash = await passwords.hash(input.newPassword)
  await UserModel.updateOne(
    { _id: user._id },
    { $set: { passwordHash, mustChangePassword: false, passwordChangedAt: deps.clock.now() } },
  )
  await revokeUserSessions(deps, user.id as string, 'password-changed')
  deps.logger.info({ userId: user.id as string }, 'password changed; other sessions revoked')
  const updated = await UserModel.findById(user._id)
  return startSession(deps, updated ?? user)
}

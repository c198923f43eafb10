import { AppError } from '@minqing/shared'
import { createHash } from 'node:crypto'
import mongoose from 'mongoose'
import type { AppDeps } from '../http/deps'
import { IdentityModel, type IdentityProvider } from '../users/identity.model'
import { UserModel, type UserDocument } from '../users/user.model'
import { isDuplicateKey } from '../db/duplicateKey'
import { spendNewGuest } from './loginLimits'

/**
 * Finds the resident behind an external identity, creating them on first login. Two concurrent
 * first logins race on the unique (provider, key) index: the loser adopts the winner's user.
 */
export async function residentFor(
  provider: IdentityProvider,
  key: string,
  isGuest: boolean,
  name = isGuest ? '游客' : '微信用户',
): Promise<UserDocument> {
  const existing = await IdentityModel.findOne({ provider, key })
  if (existing) {
    const user = await UserModel.findById(existing.userId)
    if (user) return user
  }
  const userId = new mongoose.Types.ObjectId()
  try {
    await IdentityModel.create({ provider, key, userId })
  } catch (error) {
    if (isDuplicateKey(error)) {
      const winner = await IdentityModel.findOne({ provider, key })
      const user = winner && (await UserModel.findById(winner.userId))
      if (user) return user
    }
    throw error
  }
  return UserModel.create({ _id: userId, name, role: 'resident', isGuest })
}

export async function loginWithWechat(deps: AppDeps, code: string): Promise<UserDocument> {
  if (!deps.wechat) throw new AppError('WECHAT_NOT_CONFIGURED')
  const { openId } = await deps.wechat.code2session(code)
  return checkEnabled(await residentFor('wechat', openId, false))
}

/**
 * H5 has no WeChat: a resident gets an identity bound to a random id their browser keeps. A new
 * device spends one point of its IP's guest budget.
 */
export async function loginAsGuest(deps: AppDeps, deviceId: string, clientIp: string): Promise<UserDocument> {
  const key = createHash('sha256').update(deviceId).digest('base64url')
  if (!(await IdentityModel.exists({ provider: 'guest', key }))) await spendNewGuest(deps, clientIp)
  return checkEnabled(await residentFor('guest', key, true))
}

function checkEnabled(user: UserDocument): UserDocument {
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED')
  return user
}

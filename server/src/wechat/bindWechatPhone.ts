import { AppError, phoneSchema } from '@minqing/shared'
import { isDuplicateKey } from '../db/duplicateKey'
import type { AppDeps } from '../http/deps'
import { IdentityModel } from '../users/identity.model'
import { UserModel } from '../users/user.model'
import { WechatApiError } from './accessToken'

/**
 * Binds the phone number WeChat verified (getPhoneNumber button → code → WeChat's phone API) to
 * the signed-in person: it becomes their contact phone, marked verified. A number that already
 * belongs to another account is refused rather than merging two people's accounts.
 */
export async function bindWechatPhone(deps: AppDeps, userId: string, code: string) {
  if (!deps.wechatPhone) throw new AppError('WECHAT_NOT_CONFIGURED')
  let answer: { phone: string; countryCode: string }
  try {
    answer = await deps.wechatPhone.phoneNumber(code)
  } catch (error) {
    if (error instanceof WechatApiError)
      throw new AppError('WECHAT_PHONE_FAILED', { details: { errcode: error.errcode } })
    throw error
  }
  if (answer.countryCode !== '86' || !phoneSchema.safeParse(answer.phone).success)
    throw new AppError('PHONE_NOT_SUPPORTED')

  const owner = async () => IdentityModel.findOne({ provider: 'phone', key: answer.phone })
  let identity = await owner()
  if (!identity) {
    try {
      identity = await IdentityModel.create({ provider: 'phone', key: answer.phone, userId })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      identity = await owner() // another request bound it meanwhile: the unique index decided
    }
  }
  if (!identity || String(identity.userId) !== userId) throw new AppError('PHONE_IN_USE')

  await UserModel.updateOne(
    { _id: userId },
    { $set: { phone: answer.phone, phoneVerifiedAt: deps.clock.now() } },
  )
  const user = await UserModel.findById(userId)
  if (!user) throw new AppError('UNAUTHENTICATED')
  return user
}

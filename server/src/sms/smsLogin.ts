import { AppError, smsCodePolicy } from '@minqing/shared'
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { claimOnce } from '../db/claims'
import type { AppDeps } from '../http/deps'
import { residentFor } from '../auth/loginWithIdentity'
import { OutboxModel } from '../notifications/outbox.model'
import { processOutbox } from '../notifications/processOutbox'
import { enforceRateLimit } from '../rateLimit/rateLimit'
import { UserModel, type UserDocument } from '../users/user.model'
import { LoginCodeModel } from './loginCode.model'

const hashCode = (deps: AppDeps, phone: string, code: string) =>
  createHmac('sha256', `${deps.urlSecret}:sms`).update(`${phone}|${code}`).digest('base64url')

/**
 * Sends a login code by SMS. The answer is the same whether or not the phone has an account (no
 * one learns who is registered); limits per phone and per IP keep it from being an SMS cannon.
 */
export async function requestLoginCode(deps: AppDeps, phone: string, clientIp: string) {
  if (!deps.sms) throw new AppError('SMS_NOT_CONFIGURED')
  const now = deps.clock.now()
  const latest = await LoginCodeModel.findOne({ phone }).sort({ issuedAt: -1, _id: -1 })
  const wait = latest
    ? Math.ceil(smsCodePolicy.resendAfterSeconds - (now.getTime() - latest.issuedAt.getTime()) / 1000)
    : 0
  if (wait > 0) throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: wait } })
  await enforceRateLimit(
    { key: `sms-code:phone:${phone}`, max: smsCodePolicy.perPhonePerHour, windowSeconds: 3600 },
    now,
  )
  await enforceRateLimit(
    { key: `sms-code:ip:${clientIp}`, max: smsCodePolicy.perIpPerHour, windowSeconds: 3600 },
    now,
  )

  const code = String(randomInt(0, 10 ** smsCodePolicy.digits)).padStart(smsCodePolicy.digits, '0')
  await LoginCodeModel.create({
    _id: `${phone}|${now.getTime()}`,
    phone,
    codeHash: hashCode(deps, phone, code),
    issuedAt: now,
    expiresAt: new Date(now.getTime() + smsCodePolicy.validSeconds * 1000),
  })
  await OutboxModel.create({
    channel: 'sms',
    userId: null,
    address: phone,
    payload: { template: deps.config.SMS_TEMPLATE_LOGIN_CODE, params: { code } },
    nextAttemptAt: now,
  })
  // A code is wanted now, not at the next outbox tick; a failure stays in the outbox to retry.
  void processOutbox(deps).catch((error: unknown) => deps.logger.error({ err: error }, 'SMS send failed'))
  return {
    sent: true,
    retryAfterSeconds: smsCodePolicy.resendAfterSeconds,
    expiresInSeconds: smsCodePolicy.validSeconds,
  }
}

/**
 * Logs in with the latest code sent to the phone: each wrong try is claimed by an insert, so
 * concurrent guesses cannot exceed maxAttempts even on FerretDB; a code works once.
 */
export async function loginWithSmsCode(deps: AppDeps, phone: string, code: string): Promise<UserDocument> {
  if (!deps.sms) throw new AppError('SMS_NOT_CONFIGURED')
  const now = deps.clock.now()
  const latest = await LoginCodeModel.findOne({ phone, usedAt: null }).sort({ issuedAt: -1, _id: -1 })
  if (!latest || latest.expiresAt <= now) throw new AppError('INVALID_SMS_CODE')
  let attempt = 0
  for (let n = 1; n <= smsCodePolicy.maxAttempts && attempt === 0; n++)
    if (await claimOnce(`sms-code|${latest._id}|try|${n}`, now)) attempt = n
  if (attempt === 0) throw new AppError('INVALID_SMS_CODE')

  const expected = Buffer.from(latest.codeHash)
  const given = Buffer.from(hashCode(deps, phone, code))
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new AppError('INVALID_SMS_CODE')
  if (!(await claimOnce(`sms-code|${latest._id}|used`, now))) throw new AppError('INVALID_SMS_CODE')
  await LoginCodeModel.updateOne({ _id: latest._id }, { $set: { usedAt: now } })

  const user = await residentFor('phone', phone, false, '居民')
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED')
  if (!user.phone || !user.phoneVerifiedAt) {
    await UserModel.updateOne({ _id: user._id }, { $set: { phone, phoneVerifiedAt: now } })
    user.phone = phone
  }
  return user
}

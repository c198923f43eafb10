import type { AppDeps } from '../http/deps'
import { UserModel } from '../users/user.model'
import { enforceRateLimit } from './rateLimit'

const hour = 3600
const day = 24 * hour

/**
 * The limits on filing new cases from a client. Everyone: per resident and per IP in an hour.
 * Guests (a device id, no phone, free to create) also get a small daily allowance each, and all
 * guests of one IP share one daily budget — otherwise a script that creates a new guest per case
 * would only ever meet the hourly IP limit.
 */
export async function enforceSubmitLimits(deps: AppDeps, userId: string, clientIp: string): Promise<void> {
  const now = deps.clock.now()
  const { config } = deps
  const user = await UserModel.findById(userId, { isGuest: 1 }).lean()
  if (user?.isGuest) {
    await enforceRateLimit(
      { key: `case-submit:guest:${userId}`, max: config.CASE_SUBMIT_PER_GUEST_DAY, windowSeconds: day },
      now,
    )
    await enforceRateLimit(
      {
        key: `case-submit:guest-ip:${clientIp}`,
        max: config.CASE_SUBMIT_GUESTS_PER_IP_DAY,
        windowSeconds: day,
      },
      now,
    )
  }
  await enforceRateLimit(
    { key: `case-submit:user:${userId}`, max: config.CASE_SUBMIT_PER_USER_HOUR, windowSeconds: hour },
    now,
  )
  await enforceRateLimit(
    { key: `case-submit:ip:${clientIp}`, max: config.CASE_SUBMIT_PER_IP_HOUR, windowSeconds: hour },
    now,
  )
}

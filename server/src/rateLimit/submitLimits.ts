import type { AppDeps } from '../http/deps'
import { forgetOnReset } from '../processState/processState'
import { UserModel } from '../users/user.model'
import { enforceBatchedRateLimit, releaseBatchedRateLimit } from './batchedRateLimit'
import type { RateLimit } from './rateLimit'

const hour = 3600
const day = 24 * hour

/**
 * The limits on filing new cases from a client. Everyone: per resident and per IP in an hour.
 * Guests (a device id, no phone, free to create) also get a small daily allowance each, and all
 * guests of one IP share one daily budget — otherwise a script that creates a new guest per case
 * would only ever meet the hourly IP limit. Counted in memory with write-back (batchedRateLimit):
 * a submission far from its limits sends no database command for them.
 */
export async function enforceSubmitLimits(
  deps: AppDeps,
  userId: string,
  clientIp: string,
): Promise<() => void> {
  const now = deps.clock.now()
  const { config } = deps
  const limits: RateLimit[] = []
  if (await isGuest(userId)) {
    limits.push(
      { key: `case-submit:guest:${userId}`, max: config.CASE_SUBMIT_PER_GUEST_DAY, windowSeconds: day },
      {
        key: `case-submit:guest-ip:${clientIp}`,
        max: config.CASE_SUBMIT_GUESTS_PER_IP_DAY,
        windowSeconds: day,
      },
    )
  }
  limits.push(
    { key: `case-submit:user:${userId}`, max: config.CASE_SUBMIT_PER_USER_HOUR, windowSeconds: hour },
    { key: `case-submit:ip:${clientIp}`, max: config.CASE_SUBMIT_PER_IP_HOUR, windowSeconds: hour },
  )
  const passed: RateLimit[] = []
  for (const limit of limits) {
    await enforceBatchedRateLimit(limit, now)
    passed.push(limit)
  }
  /** Gives the counts back (a submission that turns out to be a retry, or is refused later). */
  return () => {
    for (const limit of passed) releaseBatchedRateLimit(limit, now)
  }
}

/** Whether a user is a guest never changes after the account is made, so it is asked once. */
const guests = new Map<string, boolean>()
forgetOnReset(() => guests.clear())
const maxRemembered = 50_000

async function isGuest(userId: string): Promise<boolean> {
  const known = guests.get(userId)
  if (known !== undefined) return known
  const user = await UserModel.findById(userId, { isGuest: 1 }).lean()
  if (!user) return false // not remembered: a user made later under this id is asked again
  if (guests.size >= maxRemembered) guests.clear()
  guests.set(userId, Boolean(user.isGuest))
  return Boolean(user.isGuest)
}

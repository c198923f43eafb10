import { AppError } from '@minqing/shared'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import type { AppDeps } from '../http/deps'

const windowSeconds = 15 * 60

/**
 * Login attempts per client IP and per phone number (whether or not it has an account, so the
 * answer does not tell). rate-limiter-flexible's in-memory limiter: the bound holds per server
 * instance (N instances admit N× as many); what must hold across instances is the lockout, which
 * is claimed in the database (failedLogins.ts). A successful login gives its points back, so an
 * office behind one NAT address is not locked out by its own colleagues.
 */
function createLoginLimits(config: AppDeps['config']) {
  return {
    ip: new RateLimiterMemory({
      keyPrefix: 'login-ip',
      points: config.LOGIN_ATTEMPTS_PER_IP,
      duration: windowSeconds,
    }),
    phone: new RateLimiterMemory({
      keyPrefix: 'login-phone',
      points: config.LOGIN_ATTEMPTS_PER_ACCOUNT,
      duration: windowSeconds,
    }),
    newGuest: new RateLimiterMemory({
      keyPrefix: 'guest-ip',
      points: config.GUEST_ACCOUNTS_PER_IP_HOUR,
      duration: 3600,
    }),
  }
}

// One set per app (deps): a running server has one; each test app starts with fresh counters.
const limitsByApp = new WeakMap<AppDeps, ReturnType<typeof createLoginLimits>>()
function limitsFor(deps: AppDeps) {
  let limits = limitsByApp.get(deps)
  if (!limits) {
    limits = createLoginLimits(deps.config)
    limitsByApp.set(deps, limits)
  }
  return limits
}

export interface LoginSource {
  ip: string
  phone: string
}

/** Spends one attempt of the IP and of the phone; over either limit → 429 TOO_MANY_ATTEMPTS. */
export async function spendLoginAttempt(deps: AppDeps, source: LoginSource): Promise<void> {
  const limits = limitsFor(deps)
  try {
    await limits.ip.consume(source.ip)
    await limits.phone.consume(source.phone)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    throw new AppError('TOO_MANY_ATTEMPTS', {
      details: { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) },
    })
  }
}

export async function refundLoginAttempt(deps: AppDeps, source: LoginSource): Promise<void> {
  const limits = limitsFor(deps)
  await Promise.all([limits.ip.reward(source.ip), limits.phone.reward(source.phone)])
}

/**
 * A new guest account costs one point of the client IP's hourly budget (GUEST_ACCOUNTS_PER_IP_HOUR):
 * free accounts must not be minted by the thousand. A returning device spends nothing.
 */
export async function spendNewGuest(deps: AppDeps, ip: string): Promise<void> {
  try {
    await limitsFor(deps).newGuest.consume(ip)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    throw new AppError('RATE_LIMITED', {
      details: { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) },
    })
  }
}

import type { HolidayCalendar, TimeLimits } from '@minqing/shared'
import type { Config } from '../config/config'
import type { Logger } from '../log/logger'
import type { TokenService } from '../auth/tokens'
import type { WechatAuthClient } from '../auth/wechatClient'
import type { WechatMessenger } from '../notifications/wechatMessenger'
import type { WechatPhoneClient } from '../wechat/phoneNumberClient'
import type { SmsGateway } from '../sms/smsGateway'

/** A clock the tests can move; everything time-dependent asks it instead of `new Date()`. */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

/** The settings one district's deadlines use, and which of them are its own. */
export interface TenantSettings {
  timeLimits: TimeLimits
  calendar: HolidayCalendar
  /** True when the district set its own time limits (else the city's are used). */
  ownTimeLimits: boolean
  /** The years the district set its own arrangement for (others are the city's). */
  ownYears: number[]
}

/** What route handlers need from the outside world, built once in `main.ts` (or a test). */
export interface AppDeps {
  config: Config
  logger: Logger
  clock: Clock
  tokens: TokenService
  /** Signs photo URLs (see files/signedUrl.ts). */
  urlSecret: string
  /**
   * The city's working-day calendar and time limits: the default every district inherits. Case
   * deadlines ask `settingsFor(deps, tenantOf(case))` (settings/currentSettings.ts) instead.
   */
  calendar: HolidayCalendar
  timeLimits: TimeLimits
  /** Districts that set their own time limits or years, merged over the city's, by tenant id. */
  tenantSettings: ReadonlyMap<string, TenantSettings>
  /** Undefined when WECHAT_APPID / WECHAT_SECRET are not configured. */
  wechat?: WechatAuthClient
  /** Undefined unless a subscribe-message template is configured too. */
  messenger?: WechatMessenger
  /** WeChat's verified phone numbers (getPhoneNumber); undefined without WECHAT_APPID / SECRET. */
  wechatPhone?: WechatPhoneClient
  /** The SMS gateway (SMS_PROVIDER); undefined when none is configured. */
  sms?: SmsGateway
}

declare module 'koa' {
  interface DefaultContext {
    deps: AppDeps
  }
}

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

/** What route handlers need from the outside world, built once in `main.ts` (or a test). */
export interface AppDeps {
  config: Config
  logger: Logger
  clock: Clock
  tokens: TokenService
  /** Signs photo URLs (see files/signedUrl.ts). */
  urlSecret: string
  /** Working-day calendar and time limits used for case deadlines. */
  calendar: HolidayCalendar
  timeLimits: TimeLimits
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

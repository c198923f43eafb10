import { china2026, defaultTimeLimits } from '@minqing/shared'
import { createTokenService } from './auth/tokens'
import { createWechatAuthClient } from './auth/wechatClient'
import { createWechatMessenger } from './notifications/wechatMessenger'
import { createWechatApi } from './wechat/accessToken'
import { smsGatewayFromConfig } from './sms/smsFromConfig'
import { createWechatPhoneClient } from './wechat/phoneNumberClient'
import type { Config } from './config/config'
import type { AppDeps, Clock } from './http/deps'
import type { Logger } from './log/logger'

/** Wires the real adapters from configuration. */
export function buildDeps(config: Config, logger: Logger, jwtSecret: string, clock: Clock): AppDeps {
  const wechat =
    config.WECHAT_APPID && config.WECHAT_SECRET
      ? createWechatAuthClient({
          baseUrl: config.WECHAT_API_BASE,
          appId: config.WECHAT_APPID,
          secret: config.WECHAT_SECRET,
        })
      : undefined
  // One access token for WeChat's server APIs (subscribe messages, phone numbers).
  const wechatApi =
    config.WECHAT_APPID && config.WECHAT_SECRET
      ? createWechatApi({
          baseUrl: config.WECHAT_API_BASE,
          appId: config.WECHAT_APPID,
          secret: config.WECHAT_SECRET,
        })
      : undefined
  const messenger =
    wechatApi && (config.WECHAT_SUBSCRIBE_TEMPLATE_ID || config.WECHAT_TEMPLATE_CASE_CLOSED)
      ? createWechatMessenger(wechatApi)
      : undefined
  return {
    messenger,
    wechatPhone: wechatApi ? createWechatPhoneClient(wechatApi) : undefined,
    sms: smsGatewayFromConfig(config),
    config,
    logger,
    clock,
    tokens: createTokenService(jwtSecret, clock),
    urlSecret: `${jwtSecret}:files`,
    wechat,
    calendar: china2026,
    timeLimits: defaultTimeLimits,
    tenantSettings: new Map(),
  }
}

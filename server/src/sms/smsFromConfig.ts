import type { Config } from '../config/config'
import { createAliyunSmsGateway, createWebhookSmsGateway, type SmsGateway } from './smsGateway'

/** The configured SMS gateway, or none (SMS_PROVIDER=none: nothing is sent, SMS login is off). */
export function smsGatewayFromConfig(config: Config): SmsGateway | undefined {
  if (config.SMS_PROVIDER === 'aliyun')
    return createAliyunSmsGateway({
      endpoint: config.SMS_ENDPOINT,
      accessKeyId: config.SMS_ACCESS_KEY_ID!,
      accessKeySecret: config.SMS_ACCESS_KEY_SECRET!,
      signName: config.SMS_SIGN_NAME!,
    })
  if (config.SMS_PROVIDER === 'webhook')
    return createWebhookSmsGateway({ url: config.SMS_WEBHOOK_URL!, token: config.SMS_WEBHOOK_TOKEN })
  return undefined
}

import { z } from 'zod'

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** Every setting comes from the environment and is checked here, once, before anything starts. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    MONGODB_URI: z.string().url().optional(),
    /** Where the local database keeps its files when MONGODB_URI is not set. */
    DATA_DIR: z.string().default('.data'),
    /** Signs access tokens; required in production, generated and kept in DATA_DIR otherwise. */
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Seeds the demo units, accounts and sample data on first start. */
    SEED_DEMO: booleanFlag.default(true),
    DEMO_PASSWORD: z.string().min(8).default('minqing-demo'),
    /** The built H5 app served at `/`. */
    H5_DIR: z.string().optional(),
    WECHAT_APPID: z.string().optional(),
    WECHAT_SECRET: z.string().optional(),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    /** Subscribe-message template for case progress; without it no WeChat messages are queued. */
    WECHAT_SUBSCRIBE_TEMPLATE_ID: z.string().optional(),
    /** Subscribe-message template for a case's closing (办结通知); same fields as the progress one. */
    WECHAT_TEMPLATE_CASE_CLOSED: z.string().optional(),
    /** SMS gateway (login codes, messages to callers): none, Aliyun-style signed API, or a webhook. */
    SMS_PROVIDER: z.enum(['none', 'aliyun', 'webhook']).default('none'),
    SMS_ENDPOINT: z.string().url().default('https://dysmsapi.aliyuncs.com/'),
    SMS_ACCESS_KEY_ID: z.string().optional(),
    SMS_ACCESS_KEY_SECRET: z.string().optional(),
    SMS_SIGN_NAME: z.string().optional(),
    SMS_WEBHOOK_URL: z.string().url().optional(),
    SMS_WEBHOOK_TOKEN: z.string().optional(),
    /** The gateway's template for a login code; its one parameter is `code`. */
    SMS_TEMPLATE_LOGIN_CODE: z.string().default('SMS_LOGIN_CODE'),
    /** How often the outbox is processed (0 turns the background sender off, e.g. in tests). */
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(0).default(10_000),
    /** How often the deadline watch (warnings, overdue, 催办, 升级督办) runs; one instance per tick. */
    SUPERVISE_EVERY_MS: z.coerce.number().int().min(100).default(60_000),
    /** 回头看: the share of closed cases sampled for a return visit, and how long after closing. */
    FOLLOW_UP_SHARE: z.coerce.number().min(0).max(1).default(0.2),
    FOLLOW_UP_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(28),
    /** How stale the dashboards' in-memory rollups may be before a background reload (other instances' writes). */
    STATS_CACHE_MS: z.coerce.number().int().min(0).default(30_000),
    /**
     * Connections to the database. FerretDB on SQLite runs one write at a time: many concurrent
     * writers only fight over its lock, so a small pool queues them in the driver instead.
     */
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(8),
    BODY_LIMIT: z.string().default('1mb'),
    /** Case submissions allowed per resident and per client IP in an hour. */
    CASE_SUBMIT_PER_USER_HOUR: z.coerce.number().int().positive().default(20),
    CASE_SUBMIT_PER_IP_HOUR: z.coerce.number().int().positive().default(60),
    /** Open311 GeoReport v2 clients allowed to submit: "name:key,name:key" (keys of 16+ characters). */
    OPEN311_API_KEYS: z
      .string()
      .regex(/^([A-Za-z0-9_-]+:[A-Za-z0-9_-]{16,})(,[A-Za-z0-9_-]+:[A-Za-z0-9_-]{16,})*$/, {
        message: 'use name:key pairs separated by commas, keys of at least 16 characters',
      })
      .optional(),
    OPEN311_JURISDICTION: z.string().default('minqing.local'),
    /** The public address of this server ("https://minqing.example.gov.cn"), for links in public feeds such as Open311 media_url; without it they are left out. */
    PUBLIC_BASE_URL: z
      .string()
      .url()
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    /** Behind a reverse proxy, trust X-Forwarded-For for the client IP. */
    TRUST_PROXY: booleanFlag.default(false),
  })
  .refine((config) => config.NODE_ENV !== 'production' || config.JWT_SECRET, {
    message: 'JWT_SECRET is required when NODE_ENV=production',
    path: ['JWT_SECRET'],
  })
  .refine(
    (config) =>
      config.SMS_PROVIDER !== 'aliyun' ||
      (config.SMS_ACCESS_KEY_ID && config.SMS_ACCESS_KEY_SECRET && config.SMS_SIGN_NAME),
    {
      message: 'SMS_PROVIDER=aliyun needs SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET and SMS_SIGN_NAME',
      path: ['SMS_PROVIDER'],
    },
  )
  .refine((config) => config.SMS_PROVIDER !== 'webhook' || config.SMS_WEBHOOK_URL, {
    message: 'SMS_PROVIDER=webhook needs SMS_WEBHOOK_URL',
    path: ['SMS_WEBHOOK_URL'],
  })

export type Config = z.infer<typeof configSchema>

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return result.data
}

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
    /** Subscribe-message template for case updates; without it no WeChat messages are queued. */
    WECHAT_SUBSCRIBE_TEMPLATE_ID: z.string().optional(),
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
    /**
     * Retention (PIPL Art. 19: no longer than necessary): days after closing until a case's personal
     * data is removed or anonymised; statistics are kept. 3 years, see README.
     */
    RETENTION_DAYS: z.coerce.number().int().min(1).default(1095),
    /** Chunked uploads idle this long are removed with their chunks. */
    UPLOAD_SESSION_TTL_HOURS: z.coerce.number().positive().default(48),
    /** Photos nothing references this long after upload are deleted (an offline visit may sync late). */
    ORPHAN_FILE_TTL_HOURS: z.coerce.number().positive().default(72),
    BODY_LIMIT: z.string().default('1mb'),
    /** A request (headers and body) must arrive within this; slower clients are cut with 408. */
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** How long an idle keep-alive connection stays open, and how many connections at most. */
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
    HTTP_MAX_CONNECTIONS: z.coerce.number().int().positive().default(2_000),
    /** Case submissions allowed per resident and per client IP in an hour. */
    CASE_SUBMIT_PER_USER_HOUR: z.coerce.number().int().positive().default(20),
    CASE_SUBMIT_PER_IP_HOUR: z.coerce.number().int().positive().default(60),
    /** Guests (device login, free to create): cases per guest a day, and for all guests of one IP a day. */
    CASE_SUBMIT_PER_GUEST_DAY: z.coerce.number().int().positive().default(3),
    CASE_SUBMIT_GUESTS_PER_IP_DAY: z.coerce.number().int().positive().default(10),
    /** Open311 GeoReport v2 clients allowed to submit: "name:key,name:key" (keys of 16+ characters). */
    OPEN311_API_KEYS: z
      .string()
      .regex(/^([A-Za-z0-9_-]+:[A-Za-z0-9_-]{16,})(,[A-Za-z0-9_-]+:[A-Za-z0-9_-]{16,})*$/, {
        message: 'use name:key pairs separated by commas, keys of at least 16 characters',
      })
      .optional(),
    OPEN311_JURISDICTION: z.string().default('minqing.local'),
    /** Behind a reverse proxy, trust X-Forwarded-For for the client IP. */
    TRUST_PROXY: booleanFlag.default(false),
  })
  .refine((config) => config.NODE_ENV !== 'production' || config.JWT_SECRET, {
    message: 'JWT_SECRET is required when NODE_ENV=production',
    path: ['JWT_SECRET'],
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

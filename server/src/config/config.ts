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
    /**
     * Seeds the demo units, accounts and sample data on first start (default: yes, except in
     * production, where the demo accounts' password is public: there only "force" seeds).
     */
    SEED_DEMO: z
      .enum(['true', 'false', '1', '0', 'force'])
      .transform((value) => (value === 'force' ? ('force' as const) : value === 'true' || value === '1'))
      .optional(),
    DEMO_PASSWORD: z.string().min(10).default('minqing-demo'),
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
     * Connections to the database. Unset: 8 on FerretDB (it runs every command through one process;
     * on SQLite one write at a time, so many writers only fight over its lock), the driver's own
     * default (100) on MongoDB.
     */
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
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
    /** The public address of this server ("https://minqing.example.gov.cn"), for links in public feeds such as Open311 media_url; without it they are left out. */
    PUBLIC_BASE_URL: z
      .string()
      .url()
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    /** Old switch, read as TRUST_PROXY_HOPS=1 when that is not set. */
    TRUST_PROXY: booleanFlag.default(false),
    /**
     * Reverse proxies in front of the server: the client IP is the Nth X-Forwarded-For address from
     * the right (what our own proxies saw), never one the client wrote itself. 0/false: the socket.
     */
    TRUST_PROXY_HOPS: z
      .union([
        z.enum(['false', 'true']).transform((value) => (value === 'true' ? 1 : 0)),
        z.coerce.number().int().min(0).max(10),
      ])
      .optional(),
    /** log2 of scrypt's N for new password hashes (15 = OWASP's minimum, refused lower in production). */
    PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
    /** scrypt runs at once / waiting before logins are refused with 503 (the thread pool has 4 threads). */
    PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(1000).default(16),
    /** Login attempts per 15 minutes per client IP and per phone number (successes are given back). */
    LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(30),
    LOGIN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
    /** New guest accounts (H5 游客) per client IP and hour, per instance: guests cost nothing to mint. */
    GUEST_ACCOUNTS_PER_IP_HOUR: z.coerce.number().int().positive().default(20),
    // --- Intake and ratings from every channel (issue 14) ---
    /** SMS templates for callers filed by an operator: accepted (number, code), replied, resolved, rating request. */
    SMS_TEMPLATE_CASE_ACCEPTED: z.string().default('SMS_CASE_ACCEPTED'),
    SMS_TEMPLATE_CASE_REPLIED: z.string().default('SMS_CASE_REPLIED'),
    SMS_TEMPLATE_CASE_RESOLVED: z.string().default('SMS_CASE_RESOLVED'),
    SMS_TEMPLATE_RATING_REQUEST: z.string().default('SMS_RATING_REQUEST'),
    /** Shared secret the gateway signs inbound SMS (replies) with; without it the inbound webhook is off. */
    SMS_INBOUND_SECRET: z.string().min(16).optional(),
    /** Before a caller's case closes as "no rating": rating SMS sent (days apart), then follow-up calls. */
    RATING_SMS_ATTEMPTS: z.coerce.number().int().min(0).max(5).default(2),
    RATING_SMS_RETRY_DAYS: z.coerce.number().int().min(1).max(30).default(2),
    RATING_CALL_ATTEMPTS: z.coerce.number().int().min(0).max(5).default(1),
    // Database and operations (issue #18).
    /** MongoDB or FerretDB semantics; unset → asked of the server at connect time (buildInfo). */
    DB_FLAVOUR: z.enum(['mongodb', 'ferretdb']).optional(),
    /**
     * FerretDB's PostgreSQL (postgres://…) when MONGODB_URI names a FerretDB on a cluster we own
     * (bench, e2e): its GIN indexes are then kept in step as with the embedded database.
     */
    FERRETDB_POSTGRESQL_URL: z.string().url().optional(),
    /** Bearer token for GET /metrics (Prometheus); unset → /metrics answers 404. */
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
    // --- Answers faster and more consistent (issue 14) ---
    /** SMS template of the automatic first reply to a caller: number, unit, acceptBy, answerBy. */
    SMS_TEMPLATE_CASE_ROUTED: z.string().default('SMS_CASE_ROUTED'),
    // Submit path (issue #18)
    /**
     * How long submissions gather before the background step writes their notifications, first
     * replies, repeat-concern checks and rollups (one run for all of them; a second, because the
     * resident waits on the first reply); 0: only the readers and the scheduled job run it.
     */
    EVENT_PROJECTION_GATHER_MS: z.coerce.number().int().min(0).default(1_000),
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
  .refine((config) => config.NODE_ENV !== 'production' || config.PASSWORD_HASH_COST >= 15, {
    message: 'PASSWORD_HASH_COST must be at least 15 when NODE_ENV=production',
    path: ['PASSWORD_HASH_COST'],
  })

export type Config = z.infer<typeof configSchema>

/** How many proxy hops to trust for the client IP (TRUST_PROXY=true alone means one). */
export function trustedProxyHops(config: Config): number {
  return config.TRUST_PROXY_HOPS ?? (config.TRUST_PROXY ? 1 : 0)
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return result.data
}

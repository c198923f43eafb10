import { stripPersonalData } from '@minqing/shared'
import pino, { type Logger } from 'pino'

/**
 * Fields that hold personal data or secrets: their values never reach the log, at any depth
 * (a case's contactPhone, a visitor's name, a request body).
 */
const censoredKeys = new Set([
  'password',
  'phone',
  'contactPhone',
  'mobile',
  'idNumber',
  'name',
  'realName',
  'address',
  'location',
  'lat',
  'lng',
  'description',
  'text',
  'body',
  'query',
  'querystring',
  'search',
  'q',
  'authorization',
  'cookie',
  'refreshToken',
  'accessToken',
  'token',
  'openId',
  'openid',
  'deviceId',
])
const censor = '[redacted]'

/** pino's own redaction for the usual places (fast, no walk); `scrub` below covers any depth. */
export const redactedPaths = [...censoredKeys].flatMap((key) => [key, `*.${key}`, `*.*.${key}`])

/**
 * Censors personal fields and strips personal data (phones, ID numbers, addresses …) from every
 * other string, so a phone typed into an error message or a free-text field is not logged either.
 */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return stripPersonalData(value)
  if (value === null || typeof value !== 'object' || value instanceof Error || depth > 8) return value
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1))
  if (value instanceof Date || Buffer.isBuffer(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      censoredKeys.has(key) ? censor : scrub(inner, depth + 1),
    ]),
  )
}

/** Errors keep their type and stack, with personal data stripped from message, stack and extra fields. */
const errSerializer = (error: Error) => scrub(pino.stdSerializers.err(error))

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactedPaths, censor },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      serializers: { err: errSerializer, error: errSerializer },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? stripPersonalData(arg) : arg)) as Parameters<
              typeof method
            >,
          )
        },
      },
    },
    destination,
  )
}

export type { Logger }

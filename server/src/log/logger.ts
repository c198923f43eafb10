import pino, { type Logger } from 'pino'

/**
 * Personal data never reaches the log: these paths are censored wherever they appear in a
 * logged object, and request logs carry the route path only, never the query string or body.
 */
export const redactedPaths = [
  'password',
  '*.password',
  'phone',
  '*.phone',
  '*.*.phone',
  'idNumber',
  '*.idNumber',
  'address',
  '*.address',
  '*.*.address',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'refreshToken',
  '*.refreshToken',
  'accessToken',
  '*.accessToken',
]

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination)
}

export type { Logger }

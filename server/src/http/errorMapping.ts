import { AppError, fieldIssuesFromZod, type ErrorCode } from '@minqing/shared'
import mongoose from 'mongoose'
import { ZodError } from 'zod'

/** Errors from the driver that mean "the database is not reachable right now". */
const unavailableErrorNames = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
])

const codeForHttpStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
}

interface HttpLikeError {
  status?: number
  statusCode?: number
  expose?: boolean
  type?: string
}

/**
 * Turns anything thrown below the error middleware into an AppError. Errors are matched by
 * class, name or code, never by message text. Returns `unexpected: true` for errors that were
 * not anticipated: those are logged and answered with a generic 500.
 */
export function toAppError(error: unknown): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false }
  // The client went away mid-body (a phone losing signal): nobody to answer, nothing was stored.
  if (
    (error as { code?: string }).code === 'ECONNRESET' ||
    (error as { code?: string }).code === 'ECONNABORTED'
  )
    return { appError: new AppError('REQUEST_ABORTED'), unexpected: false }
  if (error instanceof ZodError) {
    return {
      appError: new AppError('VALIDATION_FAILED', { issues: fieldIssuesFromZod(error) }),
      unexpected: false,
    }
  }
  if (error instanceof mongoose.Error.CastError) {
    return {
      appError: new AppError('INVALID_ID', {
        issues: [{ path: error.path, code: 'invalid_type', message: '格式不正确 / Malformed value' }],
      }),
      unexpected: false,
    }
  }
  if (error instanceof mongoose.Error.ValidationError) {
    const issues = Object.entries(error.errors).map(([path, detail]) => ({
      path,
      code: 'invalid',
      message: detail.message,
    }))
    return { appError: new AppError('VALIDATION_FAILED', { issues }), unexpected: false }
  }
  if (error instanceof mongoose.Error.DocumentNotFoundError) {
    return { appError: new AppError('NOT_FOUND'), unexpected: false }
  }
  if (error instanceof mongoose.mongo.MongoServerError && error.code === 11000) {
    const fields = Object.keys((error as { keyPattern?: Record<string, unknown> }).keyPattern ?? {})
    return { appError: new AppError('DUPLICATE', { details: { fields } }), unexpected: false }
  }
  if (error instanceof Error && unavailableErrorNames.has(error.name)) {
    return { appError: new AppError('DATABASE_UNAVAILABLE'), unexpected: false }
  }

  const http = (error ?? {}) as HttpLikeError
  const status = http.status ?? http.statusCode
  // co-body (under @koa/bodyparser) rethrows JSON.parse's SyntaxError with status 400.
  if (error instanceof SyntaxError && status === 400)
    return { appError: new AppError('INVALID_JSON'), unexpected: false }
  if (http.type === 'entity.parse.failed')
    return { appError: new AppError('INVALID_JSON'), unexpected: false }
  if (http.type === 'entity.too.large')
    return { appError: new AppError('PAYLOAD_TOO_LARGE'), unexpected: false }
  if (status && status < 500 && http.expose !== false) {
    const code = codeForHttpStatus[status] ?? 'VALIDATION_FAILED'
    return { appError: new AppError(code), unexpected: false }
  }
  return { appError: new AppError('INTERNAL'), unexpected: true }
}

import { errorCatalog, isErrorCode, type ErrorCode } from './codes'

/** A per-field validation problem; `path` is the dotted field path ("household.phone"). */
export interface FieldIssue {
  path: string
  code: string
  message: string
}

export interface ErrorBody {
  error: {
    code: ErrorCode
    message: string
    messageEn: string
    issues?: FieldIssue[]
    details?: Record<string, unknown>
  }
}

interface AppErrorOptions {
  message?: string
  messageEn?: string
  issues?: FieldIssue[]
  details?: Record<string, unknown>
  cause?: unknown
}

/**
 * The one error type that crosses the wire. The server throws it, the error middleware turns it
 * into `ErrorBody`, and the mini-app's request wrapper parses it back with `fromBody`.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly messageEn: string
  readonly issues?: FieldIssue[]
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    const entry = errorCatalog[code]
    super(options.message ?? entry.zh, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.status = entry.status
    this.messageEn = options.messageEn ?? entry.en
    this.issues = options.issues
    this.details = options.details
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        messageEn: this.messageEn,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    }
  }

  /** Rebuilds an AppError from a server response body; unknown shapes become INTERNAL. */
  static fromBody(body: unknown): AppError {
    const error = (body as Partial<ErrorBody> | null)?.error
    if (!error || !isErrorCode(error.code)) return new AppError('INTERNAL')
    return new AppError(error.code, {
      message: error.message,
      messageEn: error.messageEn,
      issues: error.issues,
      details: error.details,
    })
  }
}

export function isAppError(value: unknown, code?: ErrorCode): value is AppError {
  return value instanceof AppError && (code === undefined || value.code === code)
}

import type { ErrorCode } from '@minqing/shared'
import type { RouteSpec } from '../http/defineRoute'

/**
 * Error codes each route's services can raise, beyond those its table row implies (input → 400,
 * a body → 413/415, login → 401/403, a path id → 404; see `derivedErrorCodes`). Keyed
 * "method path"; a test checks every key still names a route, so the list cannot rot silently.
 */
export const serviceErrorCodes: Readonly<Record<string, readonly ErrorCode[]>> = {
  'post /auth/login': ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'PASSWORD_CHANGE_REQUIRED', 'RATE_LIMITED'],
  'post /auth/password': ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'RATE_LIMITED'],
  'post /auth/refresh': ['INVALID_TOKEN'],
  'post /auth/guest': ['RATE_LIMITED'],
  'post /auth/wechat': ['WECHAT_NOT_CONFIGURED'],
  'post /auth/sms/code': ['SMS_NOT_CONFIGURED', 'PHONE_NOT_SUPPORTED', 'RATE_LIMITED'],
  'post /auth/sms/login': ['SMS_NOT_CONFIGURED', 'INVALID_SMS_CODE', 'TOO_MANY_ATTEMPTS'],
  'post /me/phone/wechat': ['WECHAT_NOT_CONFIGURED', 'WECHAT_PHONE_FAILED', 'PHONE_IN_USE'],
  'post /users': ['DUPLICATE'],
  'post /categories': ['DUPLICATE'],
  'post /cases': ['RATE_LIMITED', 'CONFLICT'],
  'post /cases/:id/transitions': ['INVALID_TRANSITION', 'CASE_CHANGED'],
  'post /cases/:id/follow': ['INVALID_TRANSITION'],
  'post /files': ['UNSUPPORTED_FILE_TYPE', 'PAYLOAD_TOO_LARGE'],
  'get /files/:id': ['UNAUTHENTICATED'],
  'put /uploads/:id': ['UPLOAD_OFFSET_MISMATCH', 'UNSUPPORTED_FILE_TYPE'],
  'post /suggestions/:id/support': ['DUPLICATE', 'VERIFIED_RESIDENT_REQUIRED'],
  'post /suggestions/:id/reports': ['DUPLICATE', 'VERIFIED_RESIDENT_REQUIRED'],
  'post /echo-wall/:id/reports': ['DUPLICATE', 'VERIFIED_RESIDENT_REQUIRED'],
  'post /topics/:id/suggestions': ['INVALID_TRANSITION'],
  'post /public/case-lookup': ['LOOKUP_NOT_FOUND', 'LOOKUP_LOCKED'],
  'get /public/rating-links/:code': ['RATING_LINK_INVALID'],
  'post /public/rating-links/:code': ['RATING_LINK_INVALID', 'RATING_NOT_OPEN'],
  'post /cases/:id/rating-calls': ['RATING_NOT_OPEN'],
  'post /cases/:id/phone-follow-up-rating': ['RATING_NOT_OPEN'],
  'post /sms/inbound': ['SMS_SIGNATURE_INVALID'],
  'post /imports/cases': ['IMPORT_FILE_UNREADABLE', 'IMPORT_COLUMNS_MISSING', 'PAYLOAD_TOO_LARGE'],
  'get /stats/handoffs': ['STATS_PERIOD_TOO_LONG'],
  'get /stats/follow-ups': ['STATS_PERIOD_TOO_LONG'],
  'get /stats/rates': ['STATS_PERIOD_TOO_LONG'],
  'get /stats/ranking': ['STATS_PERIOD_TOO_LONG'],
  'get /stats/visits': ['STATS_PERIOD_TOO_LONG'],
  'get /stats/brief': ['STATS_PERIOD_TOO_LONG'],
  'get /stats/satisfaction-by-channel': ['STATS_PERIOD_TOO_LONG'],
  'post /follow-ups/:caseId/answer': ['INVALID_TRANSITION'],
  // Categories per district (issue #16, tenants)
  'get /categories': ['TENANT_UNKNOWN'],
  'patch /categories/:code': ['CITY_LEVEL_ONLY'],
  'put /categories/:code/visibility': ['TENANT_UNKNOWN'],
}

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>) => `${route.method} ${route.path}`

/** The codes a route's table row implies: how it is called decides how it can be refused. */
export function derivedErrorCodes(route: RouteSpec): ErrorCode[] {
  const codes: ErrorCode[] = []
  if (route.body || route.query || route.params || route.path.includes(':')) codes.push('VALIDATION_FAILED')
  if (route.body) codes.push('INVALID_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  if (route.access !== 'public')
    codes.push('UNAUTHENTICATED', 'TOKEN_EXPIRED', 'INVALID_TOKEN', 'ACCOUNT_DISABLED', 'FORBIDDEN')
  if (route.path.includes(':')) codes.push('NOT_FOUND')
  return codes
}

/** Every code a route can answer with, derived and declared, without repeats. */
export const routeErrorCodes = (route: RouteSpec): ErrorCode[] => [
  ...new Set([...derivedErrorCodes(route), ...(serviceErrorCodes[routeKey(route)] ?? [])]),
]

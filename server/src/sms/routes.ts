import { smsCodeRequestSchema, smsLoginInputSchema } from '@minqing/shared'
import { startSession } from '../auth/sessions'
import { defineRoute } from '../http/defineRoute'
import { loginWithSmsCode, requestLoginCode } from './smsLogin'
// Response schemas (issue 12)
import { sessionResponseSchema, smsCodeResponseSchema, smsStatusResponseSchema } from '@minqing/shared'

export const smsRoutes = [
  defineRoute({
    method: 'get',
    path: '/auth/sms/status',
    access: 'public',
    summary: 'Whether SMS code login is offered (an SMS gateway is configured)',
    response: smsStatusResponseSchema,
    handler: (ctx) => ({ enabled: Boolean(ctx.deps.sms) }),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/sms/code',
    access: 'public',
    summary: 'Send a six-digit login code by SMS (same answer for registered and new phones)',
    body: smsCodeRequestSchema,
    response: smsCodeResponseSchema,
    handler: (ctx, { body }) => requestLoginCode(ctx.deps, body.phone, ctx.ip),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/sms/login',
    access: 'public',
    summary: 'Log in with phone + SMS code (H5); a new phone becomes a resident account',
    body: smsLoginInputSchema,
    response: sessionResponseSchema,
    handler: async (ctx, { body }) =>
      startSession(ctx.deps, await loginWithSmsCode(ctx.deps, body.phone, body.code)),
  }),
]

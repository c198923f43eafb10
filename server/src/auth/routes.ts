import {
  changePasswordInputSchema,
  guestLoginInputSchema,
  loginInputSchema,
  refreshInputSchema,
  wechatLoginInputSchema,
} from '@minqing/shared'
import { defineRoute } from '../http/defineRoute'
import { loginAsGuest, loginWithWechat } from './loginWithIdentity'
import { loginWithPassword } from './loginWithPassword'
import { endSession, refreshSession, startSession } from './sessions'
import { changePassword } from './changePassword'
// Response schemas (issue 12)
import { okResponseSchema, sessionResponseSchema } from '@minqing/shared'

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    access: 'public',
    summary: 'Log in with phone and password',
    body: loginInputSchema,
    response: sessionResponseSchema,
    handler: async (ctx, { body }) => startSession(ctx.deps, await loginWithPassword(ctx.deps, body, ctx.ip)),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/password',
    access: 'public',
    summary: 'Change the password (phone + current password + new one); ends every other session',
    body: changePasswordInputSchema,
    response: sessionResponseSchema,
    handler: (ctx, { body }) => changePassword(ctx.deps, body, ctx.ip),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/refresh',
    access: 'public',
    summary: 'Exchange a refresh token for a new token pair',
    body: refreshInputSchema,
    response: sessionResponseSchema,
    handler: (ctx, { body }) => refreshSession(ctx.deps, body.refreshToken),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    access: 'public',
    summary: 'Revoke a refresh token and its family',
    body: refreshInputSchema,
    response: okResponseSchema,
    handler: async (ctx, { body }) => {
      await endSession(ctx.deps, body.refreshToken)
      return { ok: true }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/wechat',
    access: 'public',
    summary: 'Resident login with a WeChat wx.login code',
    body: wechatLoginInputSchema,
    response: sessionResponseSchema,
    handler: async (ctx, { body }) => startSession(ctx.deps, await loginWithWechat(ctx.deps, body.code)),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/guest',
    access: 'public',
    summary: 'Resident guest login bound to a browser device id (H5)',
    body: guestLoginInputSchema,
    response: sessionResponseSchema,
    handler: async (ctx, { body }) =>
      startSession(ctx.deps, await loginAsGuest(ctx.deps, body.deviceId, ctx.ip)),
  }),
]

import { roles } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { presentUser } from '../users/presentUser'
import { bindWechatPhone } from './bindWechatPhone'
// Response schemas (issue 12)
import { userViewSchema } from '@minqing/shared'

export const wechatRoutes = [
  defineRoute({
    method: 'post',
    path: '/me/phone/wechat',
    access: roles,
    summary: "Bind the phone number WeChat verified (the getPhoneNumber button's code) to the caller",
    body: z.object({ code: z.string().trim().min(1).max(256) }),
    response: userViewSchema,
    handler: async (ctx, { body, viewer }) =>
      presentUser(await bindWechatPhone(ctx.deps, viewer.userId, body.code), { fullPhone: true }),
  }),
]

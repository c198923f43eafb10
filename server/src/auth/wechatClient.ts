import { AppError } from '@minqing/shared'
import { z } from 'zod'

export interface WechatAuthClient {
  /** Exchanges a `wx.login` code for the user's openid (WeChat's code2session). */
  code2session(code: string): Promise<{ openId: string; unionId?: string }>
}

const responseSchema = z.object({
  openid: z.string().optional(),
  unionid: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
})

/**
 * The real HTTP client for WeChat's code2session. The base URL is configurable so tests (and
 * private deployments behind a gateway) can point it elsewhere. The session_key in the answer is
 * not kept: nothing here decrypts WeChat data.
 */
export function createWechatAuthClient(options: {
  baseUrl: string
  appId: string
  secret: string
  timeoutMs?: number
}): WechatAuthClient {
  return {
    async code2session(code) {
      const url = new URL('/sns/jscode2session', options.baseUrl)
      url.search = new URLSearchParams({
        appid: options.appId,
        secret: options.secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString()
      let body: z.infer<typeof responseSchema>
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) })
        body = responseSchema.parse(await response.json())
      } catch (cause) {
        throw new AppError('WECHAT_LOGIN_FAILED', { cause, details: { reason: 'unreachable' } })
      }
      if (body.errcode || !body.openid) {
        throw new AppError('WECHAT_LOGIN_FAILED', { details: { errcode: body.errcode ?? null } })
      }
      return { openId: body.openid, unionId: body.unionid }
    },
  }
}

import { z } from 'zod'

const tokenSchema = z.object({
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
  errcode: z.number().optional(),
})

/** WeChat's answers when the access token is stale: fetch a new one and try once more. */
export const staleTokenCodes = new Set([40001, 40014, 42001])

export class WechatApiError extends Error {
  constructor(
    message: string,
    readonly errcode: number | null,
  ) {
    super(message)
  }
}

export interface WechatApiOptions {
  baseUrl: string
  appId: string
  secret: string
  timeoutMs?: number
  now?: () => number
}

/**
 * The server's WeChat API access token (/cgi-bin/token, client_credential), cached until shortly
 * before it expires, shared by the clients that call WeChat's server APIs (subscribe messages,
 * phone numbers). `call` answers WeChat's JSON; unreachable → WechatApiError with no errcode.
 */
export function createWechatApi(options: WechatApiOptions) {
  const now = options.now ?? Date.now
  let cached: { token: string; expiresAt: number } | null = null

  async function call(url: URL, init?: RequestInit): Promise<unknown> {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) })
      return await response.json()
    } catch (error) {
      throw new WechatApiError(`WeChat unreachable: ${(error as Error).name}`, null)
    }
  }

  async function accessToken(): Promise<string> {
    if (cached && cached.expiresAt > now()) return cached.token
    const url = new URL('/cgi-bin/token', options.baseUrl)
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: options.appId,
      secret: options.secret,
    }).toString()
    const body = tokenSchema.parse(await call(url))
    if (!body.access_token) throw new WechatApiError('no access token', body.errcode ?? null)
    cached = { token: body.access_token, expiresAt: now() + ((body.expires_in ?? 7200) - 300) * 1000 }
    return cached.token
  }

  /** POSTs JSON to a token-authenticated API; a stale token is refreshed and the call retried once. */
  async function post<T extends { errcode?: number }>(pathname: string, body: unknown, schema: z.ZodType<T>) {
    const send = async () => {
      const url = new URL(pathname, options.baseUrl)
      url.searchParams.set('access_token', await accessToken())
      return schema.parse(
        await call(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      )
    }
    let answer = await send()
    if (answer.errcode && staleTokenCodes.has(answer.errcode)) {
      cached = null
      answer = await send()
    }
    return answer
  }

  return { post }
}

export type WechatApi = ReturnType<typeof createWechatApi>

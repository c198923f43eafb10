import { z } from 'zod'

export interface CaseUpdateMessage {
  caseId: string
  number: string
  title: string
  status: string
  at: string
}

export interface WechatMessenger {
  /** Sends a subscribe message; throws MessengerError with WeChat's errcode on refusal. */
  sendCaseUpdate(openId: string, message: CaseUpdateMessage, templateId: string): Promise<void>
}

export class MessengerError extends Error {
  constructor(
    message: string,
    readonly errcode: number | null,
  ) {
    super(message)
  }
}

const tokenSchema = z.object({
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
  errcode: z.number().optional(),
})
const sendSchema = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() })

/** WeChat's answers when the access token is stale: fetch a new one and try once more. */
const staleTokenCodes = new Set([40001, 40014, 42001])

/**
 * The real client for WeChat subscribe messages (订阅消息): an access token from
 * /cgi-bin/token, cached until shortly before it expires, then /cgi-bin/message/subscribe/send.
 * Template fields: character_string1 = case number, thing2 = title (≤20 chars), phrase3 =
 * status (≤5 chars), time4 = time of the change — the shape of both templates to register
 * (progress and closing; see subscribeTemplates.ts).
 */
export function createWechatMessenger(options: {
  baseUrl: string
  appId: string
  secret: string
  timeoutMs?: number
  now?: () => number
}): WechatMessenger {
  const now = options.now ?? Date.now
  let cached: { token: string; expiresAt: number } | null = null

  async function call(url: URL, init?: RequestInit): Promise<unknown> {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) })
      return await response.json()
    } catch (error) {
      throw new MessengerError(`WeChat unreachable: ${(error as Error).name}`, null)
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
    if (!body.access_token) throw new MessengerError('no access token', body.errcode ?? null)
    cached = { token: body.access_token, expiresAt: now() + ((body.expires_in ?? 7200) - 300) * 1000 }
    return cached.token
  }

  async function send(
    openId: string,
    message: CaseUpdateMessage,
    templateId: string,
  ): Promise<number | null> {
    const url = new URL('/cgi-bin/message/subscribe/send', options.baseUrl)
    url.searchParams.set('access_token', await accessToken())
    const body = sendSchema.parse(
      await call(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: openId,
          template_id: templateId,
          page: `pages/cases/detail/index?id=${message.caseId}`,
          data: {
            character_string1: { value: message.number },
            thing2: { value: Array.from(message.title).slice(0, 20).join('') },
            phrase3: { value: Array.from(message.status).slice(0, 5).join('') },
            time4: { value: message.at.slice(0, 16).replace('T', ' ') },
          },
        }),
      }),
    )
    return body.errcode ?? 0
  }

  return {
    async sendCaseUpdate(openId, message, templateId) {
      let errcode = await send(openId, message, templateId)
      if (errcode !== null && staleTokenCodes.has(errcode)) {
        cached = null
        errcode = await send(openId, message, templateId)
      }
      if (errcode) throw new MessengerError(`WeChat refused the message (errcode ${errcode})`, errcode)
    },
  }
}

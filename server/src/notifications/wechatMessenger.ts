import { z } from 'zod'
import { WechatApiError, type WechatApi } from '../wechat/accessToken'

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

const sendSchema = z.object({ errcode: z.number().optional(), errmsg: z.string().optional() })

/**
 * The real client for WeChat subscribe messages (订阅消息): /cgi-bin/message/subscribe/send with
 * the server's access token (wechat/accessToken.ts).
 * Template fields: character_string1 = case number, thing2 = title (≤20 chars), phrase3 =
 * status (≤5 chars), time4 = time of the change — the shape of both templates to register
 * (progress and closing; see subscribeTemplates.ts).
 */
export function createWechatMessenger(api: WechatApi): WechatMessenger {
  return {
    async sendCaseUpdate(openId, message, templateId) {
      let answer: z.infer<typeof sendSchema>
      try {
        answer = await api.post(
          '/cgi-bin/message/subscribe/send',
          {
            touser: openId,
            template_id: templateId,
            page: `pages/cases/detail/index?id=${message.caseId}`,
            data: {
              character_string1: { value: message.number },
              thing2: { value: Array.from(message.title).slice(0, 20).join('') },
              phrase3: { value: Array.from(message.status).slice(0, 5).join('') },
              time4: { value: message.at.slice(0, 16).replace('T', ' ') },
            },
          },
          sendSchema,
        )
      } catch (error) {
        if (error instanceof WechatApiError) throw new MessengerError(error.message, error.errcode)
        throw error
      }
      if (answer.errcode)
        throw new MessengerError(`WeChat refused the message (errcode ${answer.errcode})`, answer.errcode)
    },
  }
}

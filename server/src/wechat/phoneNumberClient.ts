import { z } from 'zod'
import type { WechatApi } from './accessToken'
import { WechatApiError } from './accessToken'

export interface WechatPhoneClient {
  /** Exchanges the code of a `getPhoneNumber` button for the number WeChat verified. */
  phoneNumber(code: string): Promise<{ phone: string; countryCode: string }>
}

const answerSchema = z.object({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
  phone_info: z
    .object({ purePhoneNumber: z.string(), countryCode: z.union([z.string(), z.number()]) })
    .optional(),
})

/** WeChat's phone-number API (/wxa/business/getuserphonenumber): one code, one number. */
export function createWechatPhoneClient(api: WechatApi): WechatPhoneClient {
  return {
    async phoneNumber(code) {
      const answer = await api.post('/wxa/business/getuserphonenumber', { code }, answerSchema)
      if (answer.errcode || !answer.phone_info)
        throw new WechatApiError(
          `WeChat refused the phone code (errcode ${answer.errcode ?? 'none'})`,
          answer.errcode ?? null,
        )
      return { phone: answer.phone_info.purePhoneNumber, countryCode: String(answer.phone_info.countryCode) }
    },
  }
}

import { z } from 'zod'
import { phoneSchema } from './schemas'

/** SMS login codes: six digits, five minutes, one code a minute, five wrong tries per code. */
export const smsCodePolicy = {
  digits: 6,
  validSeconds: 300,
  resendAfterSeconds: 60,
  maxAttempts: 5,
  perPhonePerHour: 5,
  perIpPerHour: 20,
} as const

export const smsCodeRequestSchema = z.object({ phone: phoneSchema })
export const smsLoginInputSchema = z.object({
  phone: phoneSchema,
  code: z.string().regex(/^\d{6}$/, { message: '请输入6位验证码 / Enter the 6-digit code' }),
})
export type SmsLoginInput = z.infer<typeof smsLoginInputSchema>

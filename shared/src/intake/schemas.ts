import { z } from 'zod'
import { phoneSchema } from '../auth/schemas'
import { submitCaseInputSchema } from '../cases/schemas'

/** The channels an operator files a case from (a subset of `caseSources`). */
export const intakeChannels = [
  'hotline',
  'walkIn',
  'letter',
  'email',
  'onlineBox',
  'visit',
  'reception',
] as const
export const intakeChannelSchema = z.enum(intakeChannels)
export type IntakeChannel = z.infer<typeof intakeChannelSchema>
export const intakeChannelLabels: Record<IntakeChannel, string> = {
  hotline: '热线电话',
  walkIn: '来访（窗口）',
  letter: '来信',
  email: '电子邮件',
  onlineBox: '网上信箱',
  visit: '走访',
  reception: '开门接访',
}

export const callerSchema = z.object({
  name: z.string().trim().min(1, { message: '请填写反映人姓名 / Enter the caller’s name' }).max(40),
  phone: phoneSchema,
})

/** An operator files a case for a caller: the resident's fields, plus who called and how. */
export const intakeInputSchema = submitCaseInputSchema
  .omit({ photos: true, contactPhone: true, anonymous: true, publicConsent: true })
  .extend({
    channel: intakeChannelSchema,
    caller: callerSchema,
    wantsCallBack: z.boolean().default(false),
  })
export type IntakeInput = z.infer<typeof intakeInputSchema>

/** What the preview needs: enough to route and to look for similar cases while the operator types. */
export const intakePreviewSchema = z.object({
  categoryCode: z.string().regex(/^[a-z0-9_.-]{1,64}$/, { message: '请选择分类 / Choose a category' }),
  title: z.string().max(200).default(''),
  description: z.string().max(4000).default(''),
  urgency: submitCaseInputSchema.shape.urgency,
})
export type IntakePreviewInput = z.infer<typeof intakePreviewSchema>

/**
 * Query codes (查询码) are read out over the phone and typed from an SMS: six characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L). 31⁶ ≈ 887 million codes per phone.
 */
export const queryCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const queryCodeLength = 6
export const queryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${queryCodeAlphabet}]{${queryCodeLength}}$`), {
    message: '查询码为6位字母或数字 / The query code has 6 letters or digits',
  })

export const caseLookupInputSchema = z.object({ phone: phoneSchema, code: queryCodeSchema })
export type CaseLookupInput = z.infer<typeof caseLookupInputSchema>

/** Guessing a query code: failed lookups per phone and per client IP before the lookup locks. */
export const lookupPolicy = {
  failuresPerPhone: 5,
  lockMinutes: 60,
  perIpPerHour: 30,
} as const

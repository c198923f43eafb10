import { z } from 'zod'
import { clientIdSchema } from '../cases/schemas'
import { objectIdSchema } from '../units/schemas'

/** WeChat's answer per template id to wx.requestSubscribeMessage. */
export const subscribeResultSchema = z.enum(['accept', 'reject', 'ban', 'filter'])

/**
 * What the mini-app reports after a tap on 订阅提醒: WeChat's answer for each template asked.
 * `clientId` names the tap, so a retried report is stored once.
 */
export const subscriptionInputSchema = z.object({
  clientId: clientIdSchema,
  caseId: objectIdSchema.optional(),
  results: z
    .record(z.string().min(1).max(128), subscribeResultSchema)
    .refine((results) => Object.keys(results).length > 0 && Object.keys(results).length <= 5, {
      message: '请提供订阅结果 / Give one to five template results',
    }),
})
export type SubscriptionInput = z.infer<typeof subscriptionInputSchema>

import type {
  SubscriptionInput,
  subscribeTemplatesResponseSchema,
  subscriptionResultResponseSchema,
} from '@minqing/shared'
import type { z } from 'zod'
import { api } from './client'

/** Inferred from the routes' response schemas (shared/src/notifications/responses.ts). */
type SubscribeTemplatesResponse = z.output<typeof subscribeTemplatesResponseSchema>
export type SubscribeTemplateView = SubscribeTemplatesResponse['templates'][number]
export type SubscriptionResult = z.output<typeof subscriptionResultResponseSchema>

export const fetchSubscribeTemplates = () =>
  api.get<SubscribeTemplatesResponse>('/notifications/subscribe-templates')

export const reportSubscription = (input: SubscriptionInput) =>
  api.post<SubscriptionResult>('/notifications/subscriptions', input)

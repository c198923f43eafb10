import type { SubscriptionInput } from '@minqing/shared'
import { api } from './client'

export interface SubscribeTemplateView {
  kind: 'caseProgress' | 'caseClosed'
  templateId: string
  title: string
}

export const fetchSubscribeTemplates = () =>
  api.get<{ templates: SubscribeTemplateView[] }>('/notifications/subscribe-templates')

export const reportSubscription = (input: SubscriptionInput) =>
  api.post<{ granted: string[]; refused: string[] }>('/notifications/subscriptions', input)

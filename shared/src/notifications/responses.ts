import { z } from 'zod'
import { isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'

export const notificationViewSchema = responseObject({
  id: z.string(),
  caseId: z.string().nullable(),
  url: z.string().nullable(),
  caseNumber: z.string(),
  action: z.string(),
  title: z.string(),
  body: z.string(),
  read: z.boolean(),
  createdAt: isoTimeSchema,
})
export const notificationListResponseSchema = responseObject({
  unread: z.number().int(),
  items: z.array(notificationViewSchema),
})

/** The WeChat subscribe-message templates (kinds are the server's `subscribeTemplateKinds`). */
export const subscribeTemplatesResponseSchema = responseObject({
  templates: z.array(responseObject({ kind: z.string(), templateId: z.string(), title: z.string() })),
})
export const subscriptionResultResponseSchema = responseObject({
  granted: z.array(z.string()),
  refused: z.array(z.string()),
})

export const outboxListResponseSchema = itemsOf(
  responseObject({
    id: z.string(),
    channel: z.string(),
    userId: z.string().nullable(),
    caseId: z.string(),
    caseNumber: z.string(),
    templateId: z.string().nullable(),
    status: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']),
    reason: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: isoTimeSchema,
    sentAt: isoTimeSchema.nullable(),
  }),
)

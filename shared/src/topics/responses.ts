import { z } from 'zod'
import { isoDaySchema, isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'

export const topicViewSchema = responseObject({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  question: z.string(),
  opensOn: isoDaySchema,
  closesOn: isoDaySchema,
  open: z.boolean(),
})
export const topicListResponseSchema = itemsOf(topicViewSchema)

/** A topic's public suggestions: authors masked, personal data stripped. */
export const suggestionListResponseSchema = itemsOf(
  responseObject({
    id: z.string(),
    text: z.string(),
    author: z.string(),
    supports: z.number().int(),
    adoptedCaseId: z.string().nullable(),
    createdAt: isoTimeSchema,
  }),
)
export const suggestionCreatedResponseSchema = responseObject({
  id: z.string(),
  text: z.string(),
  supports: z.literal(0),
})
export const supportsResponseSchema = responseObject({ supports: z.number().int() })

/** A report on a public item (suggestion or echo-wall case): the count and whether it is hidden now. */
export const reportResultResponseSchema = responseObject({ reports: z.number().int(), hidden: z.boolean() })

export const suggestionModerationQueueResponseSchema = itemsOf(
  responseObject({
    id: z.string(),
    topicTitle: z.string().nullable(),
    text: z.string(),
    reports: z.number().int(),
    hidden: z.boolean(),
    reasons: z.array(z.string()),
  }),
)
export const suggestionDecisionResponseSchema = responseObject({
  id: z.string(),
  decision: z.enum(['show', 'hide']),
})
export const suggestionAdoptedResponseSchema = responseObject({
  caseId: z.string(),
  number: z.string(),
  unitId: z.string().nullable(),
})

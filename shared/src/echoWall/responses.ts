import { z } from 'zod'
import { isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'
import { caseKindSchema, ratingSchema } from '../cases/schemas'

/** 回音壁 items (server/src/echoWall/presentEchoItem.ts): public texts, no one's identity. */
export const echoWallResponseSchema = itemsOf(
  responseObject({
    id: z.string(),
    number: z.string(),
    kind: caseKindSchema,
    kindLabel: z.string(),
    categoryCode: z.string(),
    categoryName: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    unitName: z.string().nullable(),
    reply: z.string().nullable(),
    submittedAt: isoTimeSchema,
    resolvedAt: isoTimeSchema.nullable(),
    rating: ratingSchema.nullable(),
  }),
)
export const echoModerationQueueResponseSchema = itemsOf(
  responseObject({
    caseId: z.string(),
    number: z.string().nullable(),
    title: z.string().nullable(),
    reports: z.number().int(),
    hidden: z.boolean(),
    reasons: z.array(z.string()),
  }),
)
export const echoDecisionResponseSchema = responseObject({
  caseId: z.string(),
  decision: z.enum(['show', 'hide']),
  at: isoTimeSchema,
})

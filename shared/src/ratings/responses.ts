import { z } from 'zod'
import { isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'
import { caseStatusSchema, ratingSchema } from '../cases/schemas'
import { intakeChannelSchema } from '../intake/schemas'

/** An inbound SMS: matched to a rating request or not (always 200, so the gateway does not retry). */
export const inboundSmsResponseSchema = z.union([
  responseObject({ matched: z.literal(false), reason: z.enum(['noRating', 'noOpenRequest']) }),
  responseObject({ matched: z.literal(true), caseNumber: z.string(), rating: ratingSchema }),
])

/** What a rating link's page shows: which case, nothing personal. */
export const ratingLinkResponseSchema = responseObject({
  number: z.string(),
  title: z.string(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  resolvedAt: isoTimeSchema.nullable(),
})
export const ratedByLinkResponseSchema = responseObject({
  number: z.string(),
  status: caseStatusSchema,
  statusLabel: z.string(),
})

export const ratingCallsResponseSchema = itemsOf(
  responseObject({
    caseId: z.string(),
    number: z.string(),
    title: z.string(),
    channel: intakeChannelSchema,
    caller: responseObject({ name: z.string().nullable(), phone: z.string().nullable() }),
    resolvedAt: isoTimeSchema.nullable(),
    smsSent: z.number().int(),
    callsMade: z.number().int(),
  }),
)
export const ratingAttemptsResponseSchema = responseObject({
  smsSent: z.number().int(),
  callsMade: z.number().int(),
})
export const phoneFollowUpRatedResponseSchema = responseObject({
  id: z.string(),
  number: z.string(),
  status: caseStatusSchema,
})

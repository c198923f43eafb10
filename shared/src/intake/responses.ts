import { z } from 'zod'
import { isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'
import { similarCaseSchema } from '../cases/responses'
import { caseStatusSchema, ratingSchema, urgencySchema } from '../cases/schemas'
import { intakeChannelSchema } from './schemas'

const routingKindSchema = z.enum(['rule', 'areaFallback', 'dispatchCentre', 'model'])

/** What saving an intake would do (server/src/intake/previewIntake.ts). */
export const intakePreviewResponseSchema = responseObject({
  routing: responseObject({
    kind: routingKindSchema,
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    reason: z.string(),
  }),
  timeLimit: responseObject({
    urgency: urgencySchema,
    acceptHours: z.number(),
    answer: z.string(),
    acceptBy: isoTimeSchema.nullable(),
    expectedAnswerBy: isoTimeSchema,
  }),
  similar: z.array(similarCaseSchema),
})

export const intakeFiledResponseSchema = responseObject({
  id: z.string(),
  number: z.string(),
  queryCode: z.string(),
  channel: intakeChannelSchema,
  status: caseStatusSchema,
  unitId: z.string().nullable(),
  routing: responseObject({ kind: z.string(), reason: z.string() }),
  deadlines: responseObject({
    acceptBy: isoTimeSchema.nullable(),
    expectedAnswerBy: isoTimeSchema.nullable(),
  }),
})

export const intakeListResponseSchema = itemsOf(
  responseObject({
    caseId: z.string(),
    number: z.string().nullable(),
    status: caseStatusSchema.nullable(),
    title: z.string().nullable(),
    channel: intakeChannelSchema,
    caller: responseObject({ name: z.string().nullable(), phone: z.string().nullable() }),
    wantsCallBack: z.boolean(),
    receivedAt: isoTimeSchema,
  }),
)

/** The caller's contact (audited). */
export const intakeContactResponseSchema = responseObject({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  wantsCallBack: z.boolean(),
})

/** A case looked up by phone + query code: public texts, the caller's name masked. */
export const caseLookupResponseSchema = responseObject({
  number: z.string(),
  channel: intakeChannelSchema,
  caller: responseObject({ name: z.string().nullable() }),
  title: z.string(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  unitName: z.string().nullable(),
  submittedAt: isoTimeSchema,
  expectedAnswerBy: isoTimeSchema.nullable(),
  rating: ratingSchema.nullable(),
  replies: z.array(responseObject({ action: z.string(), at: isoTimeSchema, message: z.string() })),
})

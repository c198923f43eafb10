import { z } from 'zod'
import { roleSchema } from '../auth/roles'
import { isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'
import {
  caseKindSchema,
  caseSourceSchema,
  caseStatusSchema,
  type CaseAction,
  ratingSchema,
  supervisionLevels,
  transitionInputSchema,
  urgencySchema,
} from './schemas'

const time = isoTimeSchema.nullable()
const caseActionSchema = z.enum(
  transitionInputSchema.options.map((option) => option.shape.action.value) as [CaseAction, ...CaseAction[]],
)

const timeStateSchema = responseObject({
  state: z.enum(['on_time', 'warning', 'overdue']),
  msLeft: z.number(),
  clock: z.enum(['signFor', 'answer']),
})

const deadlinesSchema = responseObject({
  expectedAnswerBy: time,
  acceptBy: time,
  answerBy: time,
  ratingBy: time,
  dueAt: time,
})

const routingSchema = responseObject({
  kind: z.string(),
  unitId: z.string().nullable(),
  ruleId: z.string().nullable(),
  reason: z.string(),
})

const ratingViewSchema = responseObject({ value: ratingSchema, comment: z.string().nullable(), at: time })

/** A case in full, for those who may read it (server/src/cases/presentCase.ts). */
export const caseViewSchema = responseObject({
  id: z.string(),
  number: z.string(),
  /** The submitter's idempotency key: only the owner gets it. */
  clientId: z.string().optional(),
  kind: caseKindSchema,
  categoryCode: z.string(),
  title: z.string(),
  description: z.string(),
  urgency: urgencySchema,
  source: caseSourceSchema,
  originId: z.string().nullable(),
  // A place given without an address (a map pin) has none.
  location: responseObject({ lat: z.number(), lng: z.number(), address: z.string().optional() }).nullable(),
  gridId: z.string().nullable(),
  photos: z.array(z.string()),
  photoUrls: z.array(z.string()),
  photoThumbUrls: z.array(z.string()),
  /** Masked for staff; the full number comes from GET /cases/:id/contact (audited). */
  contactPhone: z.string().nullable(),
  contactAvailable: z.boolean(),
  anonymous: z.boolean(),
  publicConsent: z.boolean(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  unitId: z.string().nullable(),
  firstReceiverUnitId: z.string().nullable(),
  routing: routingSchema,
  deadlines: deadlinesSchema,
  timeState: timeStateSchema.nullable(),
  transferCount: z.number().int(),
  returnCount: z.number().int(),
  reopenCount: z.number().int(),
  supervisionFlag: z.boolean(),
  supervisionLevel: z.enum(supervisionLevels).nullable(),
  supervisionReportBy: time,
  coUnitIds: z.array(z.string()),
  ownerLeaderId: z.string().nullable(),
  objection: responseObject({
    unitId: z.string().nullable(),
    reason: z.string().nullable(),
    status: z.enum(['pending', 'upheld', 'redispatched']),
  }).nullable(),
  extension: responseObject({
    workingDays: z.number().int().nullable(),
    reason: z.string().nullable(),
    status: z.enum(['pending', 'approved', 'refused']),
    requestedAt: time,
  }).nullable(),
  rating: ratingViewSchema.nullable(),
  submittedAt: time,
  createdAt: time,
  updatedAt: time,
  acceptedAt: time,
  resolvedAt: time,
  closedAt: time,
  closedReason: z.string().nullable(),
  /** What this viewer may do with the case now (shared abilities): the client's buttons. */
  allowedActions: z.array(caseActionSchema),
})
export type CaseView = z.output<typeof caseViewSchema>

/** What a follower sees (server/src/cases/publicView.ts): an allow-list, nobody's identity. */
export const publicCaseViewSchema = responseObject({
  view: z.literal('public'),
  id: z.string(),
  number: z.string(),
  kind: caseKindSchema,
  categoryCode: z.string(),
  title: z.string(),
  description: z.string(),
  urgency: urgencySchema,
  source: caseSourceSchema,
  // A place given without an address (a map pin) has none.
  location: responseObject({ lat: z.number(), lng: z.number(), address: z.string().optional() }).nullable(),
  photos: z.array(z.string()),
  photoUrls: z.array(z.string()),
  photoThumbUrls: z.array(z.string()),
  contactPhone: z.null(),
  contactAvailable: z.literal(false),
  anonymous: z.boolean(),
  publicConsent: z.boolean(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  unitId: z.string().nullable(),
  routing: responseObject({ kind: z.string(), unitId: z.null(), ruleId: z.null(), reason: z.literal('') }),
  deadlines: responseObject({
    expectedAnswerBy: time,
    acceptBy: z.null(),
    answerBy: z.null(),
    ratingBy: z.null(),
    dueAt: z.null(),
  }),
  timeState: z.null(),
  transferCount: z.literal(0),
  returnCount: z.literal(0),
  reopenCount: z.number().int(),
  supervisionFlag: z.literal(false),
  supervisionLevel: z.null(),
  coUnitIds: z.array(z.string()).max(0),
  ownerLeaderId: z.null(),
  objection: z.null(),
  extension: z.null(),
  rating: responseObject({ value: ratingSchema, comment: z.null(), at: time }).nullable(),
  submittedAt: time,
  acceptedAt: time,
  resolvedAt: time,
  closedAt: time,
  /** A follower only reads: no action is theirs. */
  allowedActions: z.array(caseActionSchema).max(0),
})
export type PublicCaseView = z.output<typeof publicCaseViewSchema>

const actionNameSchema = z.string()

/** One event of a case's timeline as staff and owners see it. */
export const timelineEntrySchema = responseObject({
  seq: z.number().int(),
  action: actionNameSchema,
  from: caseStatusSchema.nullable(),
  to: caseStatusSchema,
  at: time,
  actor: responseObject({
    role: roleSchema.or(z.literal('system')),
    unitId: z.string().nullable(),
    userId: z.string().optional(),
  }),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  public: z.boolean(),
  attachments: z.array(z.string()),
  attachmentUrls: z.array(z.string()),
  rating: ratingSchema.optional(),
})
export type TimelineEntry = z.output<typeof timelineEntrySchema>

/** Public events of a case, as a follower sees them: no identities, texts stripped. */
export const publicTimelineEntrySchema = responseObject({
  seq: z.number().int(),
  action: actionNameSchema,
  from: caseStatusSchema.nullable(),
  to: caseStatusSchema,
  at: time,
  actor: responseObject({ role: roleSchema.or(z.literal('system')), unitId: z.string().nullable() }),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  public: z.literal(true),
  attachments: z.array(z.string()),
  attachmentUrls: z.array(z.string()),
})

const unitNameField = { unitName: z.string().nullable() }

export const suggestedUnitSchema = responseObject({
  unitId: z.string(),
  unitName: z.string(),
  why: z.string(),
})

/** GET /cases/:id: the full view with its timeline, or a follower's public one. */
export const caseDetailResponseSchema = z.union([
  caseViewSchema.extend({
    suggestedUnits: z.array(suggestedUnitSchema),
    ...unitNameField,
    timeline: z.array(timelineEntrySchema),
  }),
  publicCaseViewSchema.extend({ ...unitNameField, timeline: z.array(publicTimelineEntrySchema) }),
])
export type CaseDetail = z.output<typeof caseDetailResponseSchema>

/** GET /cases: a page of cases (a resident's followed ones in the public view). */
export const caseListResponseSchema = responseObject({
  items: z.array(z.union([caseViewSchema.extend(unitNameField), publicCaseViewSchema.extend(unitNameField)])),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type CaseListItem = z.output<typeof caseListResponseSchema>['items'][number]

export const similarCaseSchema = responseObject({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: caseStatusSchema,
  submittedAt: isoTimeSchema,
  score: z.number(),
})
export type SimilarCase = z.output<typeof similarCaseSchema>
export const similarCasesResponseSchema = itemsOf(similarCaseSchema)

/** GET /cases/:id/contact (audited). */
export const caseContactResponseSchema = responseObject({
  phone: z.string().nullable(),
  name: z.string().nullable(),
})

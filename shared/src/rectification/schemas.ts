import { z } from 'zod'
import { objectIdSchema } from '../units/schemas'

/** Where a rectification list comes from: 巡察 findings, a 督查, or a campaign's review. */
export const rectificationSources = ['inspection', 'supervision', 'campaignReview'] as const
export const rectificationSourceLabels: Record<(typeof rectificationSources)[number], string> = {
  inspection: '巡察反馈',
  supervision: '督查通报',
  campaignReview: '活动评估',
}
export const rectificationStatuses = ['open', 'awaitingApproval', 'closed'] as const
export type RectificationStatus = (typeof rectificationStatuses)[number]
export const rectificationStatusLabels: Record<RectificationStatus, string> = {
  open: '整改中',
  awaitingApproval: '待审核销号',
  closed: '已销号',
}
export const recheckResults = ['consolidated', 'relapsed'] as const
export const recheckResultLabels: Record<(typeof recheckResults)[number], string> = {
  consolidated: '巩固良好',
  relapsed: '出现反弹',
}

const text = (max: number) => z.string().trim().min(1).max(max)

export const rectificationProblemInputSchema = z.object({
  description: text(500),
  responsibleLeaderId: objectIdSchema,
  leadUnitId: objectIdSchema,
  measures: text(2000),
  target: text(500),
  deadline: z.iso.date(),
})

export const rectificationListInputSchema = z.object({
  title: text(100),
  source: z.enum(rectificationSources),
  aspects: z
    .array(
      z.object({
        title: text(100),
        items: z
          .array(
            z.object({ title: text(200), problems: z.array(rectificationProblemInputSchema).min(1).max(50) }),
          )
          .min(1)
          .max(50),
      }),
    )
    .min(1)
    .max(20),
})
export type RectificationListInput = z.infer<typeof rectificationListInputSchema>

export const rectificationProgressInputSchema = z.object({ note: text(2000) })
export const rectificationClosureInputSchema = z.object({
  note: text(2000),
  /** Evidence uploaded first (POST /files or /uploads), at least one. */
  evidence: z.array(objectIdSchema).min(1).max(20),
})
export const rectificationDecisionInputSchema = z
  .object({ approve: z.boolean(), reason: z.string().trim().max(500).default('') })
  .refine((input) => input.approve || input.reason.length > 0, {
    message: '退回须说明理由 / Give a reason to send it back',
    path: ['reason'],
  })
export const rectificationRecheckInputSchema = z.union([
  z.object({ dueOn: z.iso.date() }),
  z.object({ result: z.enum(recheckResults), note: text(2000) }),
])

/** The fields of a problem its list's owner may adjust after creation (延期, 调整措施, 调整分工). */
export const adjustableProblemFields = [
  'deadline',
  'measures',
  'target',
  'responsibleLeaderId',
  'leadUnitId',
] as const
/** 调整: some of those fields and the reason, which the event keeps beside before → after. */
export const rectificationAdjustInputSchema = z
  .object({
    deadline: z.iso.date().optional(),
    measures: text(2000).optional(),
    target: text(500).optional(),
    responsibleLeaderId: objectIdSchema.optional(),
    leadUnitId: objectIdSchema.optional(),
    reason: text(500),
  })
  .refine((input) => adjustableProblemFields.some((field) => input[field] !== undefined), {
    message: '请至少调整一项 / Change at least one field',
    path: ['deadline'],
  })
export type RectificationAdjustInput = z.infer<typeof rectificationAdjustInputSchema>

/** The actions on a problem, each an event; who may take them is decided on the server. */
export const rectificationActions = [
  'progress',
  'requestClosure',
  'approve',
  'reject',
  'scheduleRecheck',
  'recordRecheck',
  'adjust',
] as const
export type RectificationAction = (typeof rectificationActions)[number]

export const rectificationProblemSchema = z.object({
  id: z.string(),
  listId: z.string(),
  aspectNo: z.number(),
  itemNo: z.number(),
  no: z.number(),
  description: z.string(),
  responsibleLeaderId: z.string(),
  responsibleLeaderName: z.string(),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  measures: z.string(),
  target: z.string(),
  deadline: z.string(),
  status: z.enum(rectificationStatuses),
  overdue: z.boolean(),
  progress: z.array(z.object({ note: z.string(), by: z.string(), at: z.string() })),
  closure: z
    .object({
      note: z.string(),
      evidence: z.array(z.string()),
      evidenceUrls: z.array(z.string()),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
  approval: z
    .object({ approved: z.boolean(), reason: z.string(), by: z.string(), at: z.string() })
    .nullable(),
  recheck: z
    .object({
      dueOn: z.string(),
      result: z.string().nullable(),
      note: z.string().nullable(),
      at: z.string().nullable(),
    })
    .nullable(),
  allowedActions: z.array(z.enum(rectificationActions)),
})
export type RectificationProblem = z.infer<typeof rectificationProblemSchema>

export const rectificationListSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.enum(rectificationSources),
  ownerId: z.string(),
  createdAt: z.string(),
  headline: z.string(),
})
export const rectificationListsSchema = z.object({ items: z.array(rectificationListSummarySchema) })

export const rectificationListDetailSchema = rectificationListSummarySchema.extend({
  aspects: z.array(
    z.object({
      no: z.number(),
      title: z.string(),
      items: z.array(
        z.object({ no: z.number(), title: z.string(), problems: z.array(rectificationProblemSchema) }),
      ),
    }),
  ),
})

export const rectificationEventsSchema = z.object({
  items: z.array(
    z.object({
      seq: z.number(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      by: z.string(),
      at: z.string(),
      note: z.string().nullable(),
    }),
  ),
})

export const rectificationReportSchema = z.object({
  title: z.string(),
  source: z.enum(rectificationSources),
  headline: z.string(),
  totals: z.object({
    aspects: z.number(),
    items: z.number(),
    problems: z.number(),
    closed: z.number(),
    overdue: z.number(),
  }),
  aspects: z.array(
    z.object({
      no: z.number(),
      title: z.string(),
      items: z.number(),
      problems: z.number(),
      closed: z.number(),
      overdue: z.number(),
    }),
  ),
  generatedAt: z.string(),
})

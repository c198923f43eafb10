import { z } from 'zod'
import { phoneSchema } from '../auth/schemas'
import { objectIdSchema } from '../units/schemas'

export const caseKinds = ['suggestion', 'complaint', 'help', 'enquiry', 'praise'] as const
export const caseKindSchema = z.enum(caseKinds)
export type CaseKind = z.infer<typeof caseKindSchema>
export const caseKindLabels: Record<CaseKind, string> = {
  suggestion: '建议',
  complaint: '投诉',
  help: '求助',
  enquiry: '咨询',
  praise: '表扬',
}

export const caseSources = [
  'residentApp',
  'visit',
  'reception',
  'hotline',
  'email',
  'topic',
  // Intake by operators (issue 14): the remaining channels a caller reaches us by.
  'walkIn',
  'letter',
  'onlineBox',
  'import',
] as const
export const caseSourceSchema = z.enum(caseSources)
export type CaseSource = z.infer<typeof caseSourceSchema>

/** Urgency decides the time limit (see deadlines). */
export const urgencies = ['emergency', 'utility', 'general', 'complex'] as const
export const urgencySchema = z.enum(urgencies)
export type Urgency = z.infer<typeof urgencySchema>
export const urgencyLabels: Record<Urgency, string> = {
  emergency: '紧急（危及生命财产）',
  utility: '急办（水电气热）',
  general: '一般',
  complex: '复杂',
}

export const caseStatuses = [
  'submitted',
  'dispatched',
  'accepted',
  'in_progress',
  'replied',
  'resolved',
  'closed',
  'transferred',
  'returned',
  'rejected',
  'reopened',
] as const
export const caseStatusSchema = z.enum(caseStatuses)
export type CaseStatus = z.infer<typeof caseStatusSchema>
export const caseStatusLabels: Record<CaseStatus, string> = {
  submitted: '待派单',
  dispatched: '待签收',
  accepted: '已签收',
  in_progress: '办理中',
  replied: '已答复',
  resolved: '已办结待评价',
  closed: '已销号',
  transferred: '已移交待签收',
  returned: '已退回派单中心',
  rejected: '不予受理',
  reopened: '重新办理',
}

export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const
export const ratingSchema = z.enum(ratings)
export type Rating = z.infer<typeof ratingSchema>
export const ratingLabels: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
}

/**
 * Which datum a coordinate is in. Chinese maps and WeChat use GCJ-02 (the areas of units are
 * drawn in it); a browser's GPS gives WGS-84 (the H5 app converts it before sending). Locations
 * stored before this field existed came from the mini-program's gcj02 request: GCJ-02.
 */
export const coordinateSystems = ['gcj02', 'wgs84'] as const
export type CoordinateSystem = (typeof coordinateSystems)[number]

export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  address: z.string().trim().max(200).optional(),
  // Optional on the wire; the database defaults a missing one to gcj02 (see above).
  coordSystem: z.enum(coordinateSystems).optional(),
})
export type CaseLocation = z.infer<typeof locationSchema>

export const caseLimits = { maxPhotos: 9, titleMax: 60, descriptionMax: 4000, reasonMax: 500 } as const

export const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '客户端编号无效 / clientId must be 8–64 url-safe characters' })

export const submitCaseInputSchema = z.object({
  clientId: clientIdSchema,
  kind: caseKindSchema,
  categoryCode: z.string().regex(/^[a-z0-9_.-]{1,64}$/, { message: '请选择分类 / Choose a category' }),
  title: z.string().trim().min(2, { message: '标题至少2个字 / Title too short' }).max(caseLimits.titleMax),
  description: z
    .string()
    .trim()
    .min(5, { message: '请描述具体情况（至少5个字）/ Describe it in at least 5 characters' })
    .max(caseLimits.descriptionMax),
  urgency: urgencySchema.default('general'),
  location: locationSchema.optional(),
  photos: z
    .array(objectIdSchema)
    .max(caseLimits.maxPhotos, { message: '最多9张照片 / At most 9 photos' })
    .default([]),
  contactPhone: phoneSchema.optional(),
  anonymous: z.boolean().default(false),
  publicConsent: z.boolean().default(false),
  /** The district the resident's link names (`?tenant=hedong`); the case's place or the default otherwise. */
  tenant: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, { message: '区县代码无效 / Invalid district code' })
    .optional(),
})
export type SubmitCaseInput = z.infer<typeof submitCaseInputSchema>

const reason = z.string().trim().min(2, { message: '请填写理由 / Give a reason' }).max(caseLimits.reasonMax)
const message = z
  .string()
  .trim()
  .min(1, { message: '请填写内容 / Write a message' })
  .max(caseLimits.descriptionMax)
/** Photos of the fix (reply / resolve) or more evidence (addInfo): ids from POST /files. */
const attachments = z
  .array(objectIdSchema)
  .max(caseLimits.maxPhotos, { message: '最多9张照片 / At most 9 photos' })
  .default([])

/** The body of POST /cases/:id/transitions, one shape per action. */
/** 督办 levels a leader can flag a case with; 挂牌督办 is the highest. */
export const supervisionLevels = ['normal', 'key', 'listed'] as const
export const supervisionLevelLabels: Record<(typeof supervisionLevels)[number], string> = {
  normal: '一般督办',
  key: '重点督办',
  listed: '挂牌督办',
}

export const transitionInputSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('dispatch'), unitId: objectIdSchema, reason: reason.optional() }),
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('takeOwnership'), reason: reason.optional() }),
  z.object({
    action: z.literal('flagSupervision'),
    level: z.enum(supervisionLevels).default('listed'),
    /** The date the unit must report back by; five working days when not given. */
    reportBy: z.iso.date().optional(),
    reason,
  }),
  /** 逐一销号: a flagged case leaves the board only with a written outcome. */
  z.object({
    action: z.literal('closeSupervision'),
    message: z
      .string()
      .trim()
      .min(10, { message: '请写明督办结果（至少10个字）/ Write the outcome (10+ characters)' })
      .max(2000),
  }),
  z.object({ action: z.literal('reply'), message, public: z.boolean().default(true), attachments }),
  z.object({ action: z.literal('transfer'), unitId: objectIdSchema, reason }),
  z.object({ action: z.literal('return'), reason }),
  z.object({ action: z.literal('reject'), reason }),
  z.object({ action: z.literal('resolve'), message, attachments }),
  z.object({
    action: z.literal('rate'),
    rating: ratingSchema,
    comment: z.string().trim().max(500).optional(),
  }),
  z.object({ action: z.literal('reopen'), reason }),
  z.object({ action: z.literal('close'), reason: reason.optional() }),
  z.object({ action: z.literal('addInfo'), message, attachments }),
  z.object({ action: z.literal('object'), reason }),
  z.object({ action: z.literal('merge'), intoCaseId: objectIdSchema, reason: reason.optional() }),
  z.object({
    action: z.literal('ruleObjection'),
    uphold: z.boolean(),
    unitId: objectIdSchema.optional(),
    reason,
  }),
  z.object({ action: z.literal('addCoUnits'), unitIds: z.array(objectIdSchema).min(1).max(10) }),
  z.object({ action: z.literal('contribute'), message }),
  z.object({ action: z.literal('requestExtension'), workingDays: z.number().int().min(1).max(30), reason }),
  z.object({ action: z.literal('decideExtension'), approve: z.boolean(), reason: reason.optional() }),
  z.object({
    action: z.literal('recategorize'),
    categoryCode: z.string().regex(/^[a-z0-9_.-]{1,64}$/, { message: '请选择分类 / Choose a category' }),
  }),
])
export type TransitionInput = z.infer<typeof transitionInputSchema>
export type CaseAction = TransitionInput['action']

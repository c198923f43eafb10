import { z } from 'zod'
import { responseObject } from '../api/responseShapes'
import { objectIdSchema } from '../units/schemas'

/**
 * 联系点 (a place a unit keeps in touch with: a village, community or enterprise) and 帮扶共建
 * (a partner the unit assists or builds with). Both have a responsible leader and an activity log.
 */
export const contactPointKinds = ['contactPoint', 'partner'] as const
export type ContactPointKind = (typeof contactPointKinds)[number]
export const contactPointKindLabels: Record<ContactPointKind, string> = {
  contactPoint: '联系点',
  partner: '帮扶共建',
}

export const contactTargetTypes = ['village', 'community', 'enterprise', 'school', 'other'] as const
export type ContactTargetType = (typeof contactTargetTypes)[number]
export const contactTargetTypeLabels: Record<ContactTargetType, string> = {
  village: '村',
  community: '社区',
  enterprise: '企业',
  school: '学校',
  other: '其他',
}

const day = z.iso.date({ message: '日期格式应为 YYYY-MM-DD / Use YYYY-MM-DD' })
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, {
  message: '客户端编号无效 / clientId must be 8–64 url-safe characters',
})

export const contactPointInputSchema = z.object({
  unitId: objectIdSchema,
  kind: z.enum(contactPointKinds, { message: '类型无效 / Unknown kind' }),
  targetType: z.enum(contactTargetTypes, { message: '对象类型无效 / Unknown target type' }),
  name: z.string().trim().min(2, { message: '请填写名称 / Name it' }).max(100),
  leaderId: objectIdSchema,
  since: day,
  notes: z.string().trim().max(2000).default(''),
})
export type ContactPointInput = z.infer<typeof contactPointInputSchema>

export const contactActivityInputSchema = z.object({
  clientId,
  heldOn: day,
  summary: z.string().trim().min(2, { message: '请填写活动内容 / Describe the activity' }).max(2000),
})
export type ContactActivityInput = z.infer<typeof contactActivityInputSchema>

export const contactPointSchema = responseObject({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  kind: z.enum(contactPointKinds),
  targetType: z.enum(contactTargetTypes),
  name: z.string(),
  leaderId: z.string(),
  leaderName: z.string().nullable(),
  since: z.string(),
  notes: z.string(),
  activities: z.number(),
  lastActivityOn: z.string().nullable(),
})
export type ContactPoint = z.output<typeof contactPointSchema>

export const contactActivitySchema = responseObject({
  id: z.string(),
  contactPointId: z.string(),
  heldOn: z.string(),
  summary: z.string(),
  byName: z.string().nullable(),
})
export type ContactActivity = z.output<typeof contactActivitySchema>

import { z } from 'zod'
import { duplicatePolicy, textSimilarity } from '../cases/similarity'

/**
 * 信访工作条例 (2022) 第三十五条: a petition is settled within 60 days of being accepted. A concern
 * raised again after closure is owned by a leader (包案) and held to the same limit.
 */
export const repeatConcernPolicy = { settleWithinDays: 60 } as const

export const repeatReasons = ['sameCategory', 'similarText'] as const
export type RepeatReason = (typeof repeatReasons)[number]
export const repeatReasonLabels: Record<RepeatReason, string> = {
  sameCategory: '同类事项',
  similarText: '内容相似',
}
export const repeatMatchLabels = { household: '同一户', phone: '同一电话' } as const

interface Matter {
  categoryCode: string
  title: string
  description: string
}

/**
 * Whether a new case raises the same matter as an earlier one: the same category, or a text as
 * close as the duplicate check asks of unlocated cases (character bigrams, see cases/similarity).
 */
export function sameMatter(next: Matter, earlier: Matter): RepeatReason | null {
  if (next.categoryCode === earlier.categoryCode) return 'sameCategory'
  const similarity = textSimilarity(
    `${next.title} ${next.description}`,
    `${earlier.title} ${earlier.description}`,
  )
  return similarity >= duplicatePolicy.minTextSimilarityUnlocated ? 'similarText' : null
}

export function repeatDeadline(flaggedAt: Date): Date {
  return new Date(flaggedAt.getTime() + repeatConcernPolicy.settleWithinDays * 86_400_000)
}

export const repeatConcernSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  title: z.string(),
  status: z.string(),
  unitId: z.string().nullable(),
  householdId: z.string().nullable(),
  matchedBy: z.enum(['household', 'phone']),
  reason: z.enum(repeatReasons),
  previousCases: z.array(z.object({ id: z.string(), number: z.string(), closedAt: z.string().nullable() })),
  ownerLeaderId: z.string().nullable(),
  ownerLeaderName: z.string().nullable(),
  deadline: z.string(),
  overdue: z.boolean(),
  flaggedAt: z.string(),
})
export const repeatConcernListSchema = z.object({ items: z.array(repeatConcernSchema) })
export const repeatConcernQuerySchema = z.object({
  caseId: z
    .string()
    .regex(/^[0-9a-f]{24}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
export const repeatConcernPatchSchema = z
  .object({
    ownerLeaderId: z
      .string()
      .regex(/^[0-9a-f]{24}$/)
      .optional(),
    deadline: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((patch) => patch.ownerLeaderId !== undefined || patch.deadline !== undefined, {
    message: '请指定包案领导或期限 / Name an owner leader or a deadline',
  })

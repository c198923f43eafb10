import { z } from 'zod'
import { objectIdSchema } from '../units/schemas'

/** A knowledge-base entry (问答库): a standard answer to a question residents ask, with its source. */
export const knowledgeEntryInputSchema = z.object({
  question: z.string().trim().min(2, { message: '请填写问题 / Enter the question' }).max(200),
  answer: z.string().trim().min(2, { message: '请填写答案 / Enter the answer' }).max(2000),
  /** The category it belongs to (a parent category covers its children); null: general. */
  categoryCode: z
    .string()
    .regex(/^[a-z0-9_.-]{1,64}$/, { message: '分类编码无效 / Invalid category code' })
    .nullable()
    .default(null),
  /** Words residents use for it; a query containing one finds the entry even if the wording differs. */
  keywords: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  /** The policy or rule the answer rests on (政策依据), e.g. a regulation and its article. */
  policySource: z.string().trim().max(200).default(''),
  /** Unpublished entries are drafts: handlers and residents never see them. */
  published: z.boolean().default(false),
})
export type KnowledgeEntryInput = z.infer<typeof knowledgeEntryInputSchema>

export const knowledgeEntryPatchSchema = z
  .object({
    question: knowledgeEntryInputSchema.shape.question.optional(),
    answer: knowledgeEntryInputSchema.shape.answer.optional(),
    categoryCode: knowledgeEntryInputSchema.shape.categoryCode.removeDefault().optional(),
    keywords: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
    policySource: z.string().trim().max(200).optional(),
    published: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: '没有要修改的内容 / Nothing to change' })
export type KnowledgeEntryPatch = z.infer<typeof knowledgeEntryPatchSchema>

export const knowledgeEntrySchema = z.object({
  id: objectIdSchema,
  question: z.string(),
  answer: z.string(),
  categoryCode: z.string().nullable(),
  keywords: z.array(z.string()),
  policySource: z.string(),
  published: z.boolean(),
})
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>
export const knowledgeEntryListSchema = z.object({ items: z.array(knowledgeEntrySchema) })

/** What a search shows of a published entry (residents and handlers alike). */
export const knowledgeHitSchema = knowledgeEntrySchema.omit({ published: true, keywords: true })
export type KnowledgeHit = z.infer<typeof knowledgeHitSchema>
export const knowledgeHitListSchema = z.object({ items: z.array(knowledgeHitSchema) })

export const knowledgeSearchQuerySchema = z.object({
  q: z.string().trim().min(1, { message: '请输入要搜索的内容 / Enter a search' }).max(200),
  categoryCode: z
    .string()
    .regex(/^[a-z0-9_.-]{1,64}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
})
export type KnowledgeSearchQuery = z.infer<typeof knowledgeSearchQuerySchema>

/** Public search: per client IP, a resident typing makes a request every pause. */
export const knowledgeSearchPolicy = { perIpPerMinute: 60 } as const

import { z } from 'zod'
import { objectIdSchema } from '../units/schemas'
import { replyPlaceholders, unknownPlaceholders } from './placeholders'

/** The actions a template serves: the handler's text boxes, and the automatic first reply. */
export const replyTemplateActions = [
  'firstReply',
  'reply',
  'resolve',
  'return',
  'transfer',
  'reject',
  'requestExtension',
  'contribute',
] as const
export const replyTemplateActionSchema = z.enum(replyTemplateActions)
export type ReplyTemplateAction = z.infer<typeof replyTemplateActionSchema>
export const replyTemplateActionLabels: Record<ReplyTemplateAction, string> = {
  firstReply: '首次答复（派单后自动发送）',
  reply: '答复',
  resolve: '办结',
  return: '退回',
  transfer: '移交',
  reject: '不予受理',
  requestExtension: '申请延期',
  contribute: '协办意见',
}

const templateBody = z
  .string()
  .trim()
  .min(1, { message: '请填写模板内容 / Enter the template text' })
  .max(1000)
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text)
    if (unknown.length)
      ctx.addIssue({
        code: 'custom',
        params: { code: 'unknown_placeholder', unknown },
        message: `未知占位符：${unknown.map((name) => `{${name}}`).join('、')}；可用：${replyPlaceholders
          .map((name) => `{${name}}`)
          .join('、')} / Unknown placeholder: ${unknown.join(', ')}`,
      })
  })

export const replyTemplateInputSchema = z.object({
  /** A category or a parent category (its children share it); null: every category. */
  categoryCode: z
    .string()
    .regex(/^[a-z0-9_.-]{1,64}$/, { message: '分类编码无效 / Invalid category code' })
    .nullable()
    .default(null),
  action: replyTemplateActionSchema,
  title: z.string().trim().min(1, { message: '请填写模板名称 / Enter a title' }).max(40),
  body: templateBody,
  enabled: z.boolean().default(true),
})
export type ReplyTemplateInput = z.infer<typeof replyTemplateInputSchema>

export const replyTemplatePatchSchema = z
  .object({
    categoryCode: replyTemplateInputSchema.shape.categoryCode.removeDefault().optional(),
    action: replyTemplateActionSchema.optional(),
    title: replyTemplateInputSchema.shape.title.optional(),
    body: templateBody.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: '没有要修改的内容 / Nothing to change' })
export type ReplyTemplatePatch = z.infer<typeof replyTemplatePatchSchema>

export const replyTemplateSchema = z.object({
  id: objectIdSchema,
  categoryCode: z.string().nullable(),
  action: replyTemplateActionSchema,
  title: z.string(),
  body: z.string(),
  enabled: z.boolean(),
})
export type ReplyTemplate = z.infer<typeof replyTemplateSchema>
export const replyTemplateListSchema = z.object({ items: z.array(replyTemplateSchema) })

/** Templates for one case and action, filled for it: the handler picks one and edits the text. */
export const filledReplyTemplateListSchema = z.object({
  items: z.array(
    z.object({
      id: objectIdSchema,
      title: z.string(),
      categoryCode: z.string().nullable(),
      text: z.string(),
    }),
  ),
})
export type FilledReplyTemplate = z.infer<typeof filledReplyTemplateListSchema>['items'][number]
export const caseTemplatesQuerySchema = z.object({ action: replyTemplateActionSchema })

import { z } from 'zod'

/** 问政于民 / 问需于民 / 问计于民: what a public topic asks residents for. */
export const topicKinds = ['governance', 'needs', 'ideas'] as const
export const topicKindLabels: Record<(typeof topicKinds)[number], string> = {
  governance: '问政于民',
  needs: '问需于民',
  ideas: '问计于民',
}

export const topicInputSchema = z
  .object({
    kind: z.enum(topicKinds),
    title: z.string().trim().min(2).max(60),
    question: z.string().trim().min(5).max(2000),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
  })
  .refine((topic) => topic.opensOn <= topic.closesOn, {
    message: '截止日期不能早于开始日期 / The topic closes before it opens',
    path: ['closesOn'],
  })
export type TopicInput = z.infer<typeof topicInputSchema>

export const suggestionInputSchema = z.object({
  text: z.string().trim().min(5, { message: '建议至少5个字 / At least 5 characters' }).max(2000),
})

import type { followUpAnswerResponseSchema, followUpListResponseSchema } from '@minqing/shared'
import type { z } from 'zod'
import { api } from './client'

export type FollowUpItem = z.output<typeof followUpListResponseSchema>['items'][number]

/** 回头看: the resident's closed cases the dispatch centre asks about again. */
export const fetchFollowUps = () =>
  api.get<z.output<typeof followUpListResponseSchema>>('/follow-ups').then((body) => body.items)

/** "Not solved" reopens the case for supervision (the server decides whether it can). */
export const answerFollowUp = (caseId: string, answer: { solved: boolean; comment?: string }) =>
  api.post<z.output<typeof followUpAnswerResponseSchema>>(`/follow-ups/${caseId}/answer`, answer)

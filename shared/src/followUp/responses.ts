import { z } from 'zod'
import { isoTimeSchema, itemsOf, responseObject } from '../api/responseShapes'

export const followUpListResponseSchema = itemsOf(
  responseObject({ caseId: z.string(), sampledAt: isoTimeSchema }),
)
export const followUpAnswerResponseSchema = responseObject({ reopened: z.boolean() })

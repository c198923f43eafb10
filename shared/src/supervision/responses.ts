import { z } from 'zod'
import { responseObject } from '../api/responseShapes'
import { caseViewSchema } from '../cases/responses'

/** The 督办看板: flagged, overdue and warning cases (a flagged case can be in two lanes). */
export const supervisionBoardResponseSchema = responseObject({
  flagged: z.array(caseViewSchema),
  overdue: z.array(caseViewSchema),
  warning: z.array(caseViewSchema),
})

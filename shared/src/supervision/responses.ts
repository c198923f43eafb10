import { z } from 'zod'
import { responseObject } from '../api/responseShapes'
import { caseViewSchema } from '../cases/responses'

/** The 督办看板: flagged, overdue and warning cases (a flagged case can be in two lanes). */
export const supervisionBoardResponseSchema = responseObject({
  flagged: z.array(caseViewSchema),
  overdue: z.array(caseViewSchema),
  warning: z.array(caseViewSchema),
  /** 整改台账 problems past their deadline (issue 16), a lane of their own. */
  rectification: z.array(
    responseObject({
      kind: z.literal('rectification'),
      id: z.string(),
      listId: z.string(),
      no: z.number().int(),
      description: z.string(),
      deadline: z.string(),
      status: z.string(),
      responsibleLeaderName: z.string(),
      leadUnitName: z.string(),
    }),
  ),
})

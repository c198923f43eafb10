import { objectIdSchema } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { FollowUpModel } from './followUp.model'
import { answerFollowUp } from './followUps'
// Response schemas (issue 12)
import { followUpAnswerResponseSchema, followUpListResponseSchema } from '@minqing/shared'

export const followUpRoutes = [
  defineRoute({
    method: 'get',
    path: '/follow-ups',
    access: ['resident'],
    summary: '回头看: the return-visit questions waiting for the resident',
    response: followUpListResponseSchema,
    handler: async (_ctx, { viewer }) => {
      const rows = await FollowUpModel.find({ residentId: viewer.userId, answer: null })
        .sort({ sampledAt: -1 })
        .limit(50)
      return {
        items: rows.map((row) => ({ caseId: String(row.caseId), sampledAt: row.sampledAt.toISOString() })),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/follow-ups/:caseId/answer',
    access: ['resident'],
    summary: 'Answer a return visit: did the problem stay solved? "No" reopens the case for supervision',
    params: z.object({ caseId: objectIdSchema }),
    body: z.object({ solved: z.boolean(), comment: z.string().trim().max(500).optional() }),
    response: followUpAnswerResponseSchema,
    handler: async (ctx, { params, body, viewer }) => answerFollowUp(ctx.deps, viewer, params.caseId, body),
  }),
]

import {
  linkRatingSchema,
  objectIdSchema,
  phoneFollowUpRatingSchema,
  ratingCallAttemptSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { dueRatingCalls, recordCallAttempt, recordPhoneFollowUp } from './followUpCalls'
import { receiveInboundSms } from './inboundSms'
import { rateByLink, showRatingLink } from './ratingLink'
// Response schemas (issue 12)
import {
  inboundSmsResponseSchema,
  phoneFollowUpRatedResponseSchema,
  ratedByLinkResponseSchema,
  ratingAttemptsResponseSchema,
  ratingCallsResponseSchema,
  ratingLinkResponseSchema,
} from '@minqing/shared'

const idParams = z.object({ id: objectIdSchema })
const codeParams = z.object({ code: z.string().max(40) })

export const ratingRoutes = [
  defineRoute({
    method: 'post',
    path: '/sms/inbound',
    access: 'public',
    summary:
      'Inbound SMS from the gateway (signed: X-Sms-Signature); a reply 1/2/3 rates the latest case that asked this phone',
    body: z.object({
      phone: z.string().trim().max(20),
      content: z.string().max(500),
      timestamp: z.string().max(40),
    }),
    response: inboundSmsResponseSchema,
    handler: (ctx, { body }) => receiveInboundSms(ctx.deps, body, ctx.get('x-sms-signature') || undefined),
  }),
  defineRoute({
    method: 'get',
    path: '/public/rating-links/:code',
    access: 'public',
    summary: 'The case a one-time rating link (sent by SMS) is for',
    params: codeParams,
    response: ratingLinkResponseSchema,
    handler: (_ctx, { params }) => showRatingLink(params.code),
  }),
  defineRoute({
    method: 'post',
    path: '/public/rating-links/:code',
    access: 'public',
    summary: 'Rate through a one-time link; the link then stops working',
    params: codeParams,
    body: linkRatingSchema,
    response: ratedByLinkResponseSchema,
    handler: (ctx, { params, body }) => rateByLink(ctx.deps, params.code, body),
  }),
  defineRoute({
    method: 'get',
    path: '/rating-calls',
    access: ['operator', 'admin'],
    summary:
      "Callers' resolved cases whose rating policy now asks for a follow-up call (回访); callers masked",
    response: ratingCallsResponseSchema,
    handler: async (ctx, { viewer }) => ({ items: await dueRatingCalls(ctx.deps, 100, viewer) }),
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/rating-calls',
    access: ['operator', 'admin'],
    summary: 'A follow-up call that got no rating (no answer, refused): counts as one attempt of the policy',
    params: idParams,
    body: ratingCallAttemptSchema,
    response: ratingAttemptsResponseSchema,
    handler: (ctx, { params, body, viewer }) => recordCallAttempt(ctx.deps, viewer, params.id, body),
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/phone-follow-up-rating',
    access: ['operator', 'admin'],
    summary:
      '回访 by phone: record the rating the caller gave and how it was obtained (ratedVia = phoneFollowUp)',
    params: idParams,
    body: phoneFollowUpRatingSchema,
    response: phoneFollowUpRatedResponseSchema,
    handler: async (ctx, { params, body, viewer }) => {
      const updated = await recordPhoneFollowUp(ctx.deps, viewer, params.id, body)
      return { id: String(updated._id), number: updated.number, status: updated.status }
    },
  }),
]

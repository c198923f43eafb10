import { AppError, ratingFromSmsReply } from '@minqing/shared'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { loadCase } from '../cases/commitChange'
import type { AppDeps } from '../http/deps'
import { RatingAttemptModel } from './ratingAttempt.model'
import { recordRating } from './recordRating'

/** How far the gateway's timestamp may be from our clock: a captured request cannot be replayed later. */
const maxSkewMs = 10 * 60_000

/** The signature a gateway sends with an inbound SMS: base64 HMAC-SHA256 of "timestamp\nphone\ncontent". */
export function inboundSignature(
  secret: string,
  message: { phone: string; content: string; timestamp: string },
) {
  return createHmac('sha256', secret)
    .update(`${message.timestamp}\n${message.phone}\n${message.content}`)
    .digest('base64')
}

/**
 * A reply from a caller's phone. The signature is checked first; then "1/2/3" is matched to the
 * latest unanswered rating SMS sent to that phone. Anything else (no open request, no digit) is
 * answered 200 with `matched: false`, so the gateway does not retry it.
 */
export async function receiveInboundSms(
  deps: AppDeps,
  message: { phone: string; content: string; timestamp: string },
  signature: string | undefined,
) {
  const secret = deps.config.SMS_INBOUND_SECRET
  // Without a shared secret the webhook does not exist: 404, as for any unknown path.
  if (!secret) throw new AppError('NOT_FOUND')
  const expected = Buffer.from(inboundSignature(secret, message))
  const given = Buffer.from(signature ?? '')
  const sentAt = new Date(message.timestamp).getTime()
  if (
    expected.length !== given.length ||
    !timingSafeEqual(expected, given) ||
    Number.isNaN(sentAt) ||
    Math.abs(sentAt - deps.clock.now().getTime()) > maxSkewMs
  )
    throw new AppError('SMS_SIGNATURE_INVALID')

  const rating = ratingFromSmsReply(message.content)
  if (!rating) return { matched: false as const, reason: 'noRating' }
  // Gateways report the sender with or without the country code.
  const phone = message.phone.replace(/^\+?86(?=1\d{10}$)/, '')
  const request = await RatingAttemptModel.findOne({ phone, kind: 'sms', answeredAt: null }).sort({
    at: -1,
    _id: -1,
  })
  if (!request) return { matched: false as const, reason: 'noOpenRequest' }
  const record = await loadCase(String(request.caseId))
  if (record.status !== 'resolved' || record.resolvedAt?.getTime() !== request.resolvedAt.getTime())
    return { matched: false as const, reason: 'noOpenRequest' }
  const updated = await recordRating(deps, record, {
    rating,
    ratedVia: 'sms',
    actor: { userId: null, role: 'system', unitId: null },
  })
  return { matched: true as const, caseNumber: updated.number, rating }
}

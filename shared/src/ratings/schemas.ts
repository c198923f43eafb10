import { z } from 'zod'
import { ratingSchema, type Rating } from '../cases/schemas'

/** How a rating was obtained: in the app, by SMS reply, through an H5 link, or by a follow-up call (回访). */
export const ratedVia = ['app', 'sms', 'link', 'phoneFollowUp'] as const
export const ratedViaSchema = z.enum(ratedVia)
export type RatedVia = z.infer<typeof ratedViaSchema>
export const ratedViaLabels: Record<RatedVia, string> = {
  app: '小程序/H5评价',
  sms: '短信回复',
  link: '短信链接',
  phoneFollowUp: '电话回访',
}

/** The SMS asks "回复1满意，2基本满意，3不满意". */
export const smsReplyRatings: Record<string, Rating> = {
  '1': 'satisfied',
  '2': 'basically_satisfied',
  '3': 'unsatisfied',
}

/** The rating in an SMS reply: its first digit 1–3 (people add words or punctuation), else null. */
export function ratingFromSmsReply(text: string): Rating | null {
  const digit = /[1-3]/.exec(text.normalize('NFKC'))?.[0]
  return digit ? (smsReplyRatings[digit] ?? null) : null
}

/** A follow-up operator records the answer obtained by calling the caller back (回访). */
export const phoneFollowUpRatingSchema = z.object({
  rating: ratingSchema,
  /** How the answer was obtained, e.g. "本人接听" / "家属代答". */
  how: z.string().trim().min(2, { message: '请写明回访情况 / Say how the answer was obtained' }).max(200),
  comment: z.string().trim().max(500).optional(),
})

/** A follow-up call that reached no answer: it counts as one attempt of the policy. */
export const ratingCallAttemptSchema = z.object({
  outcome: z.enum(['noAnswer', 'refused']),
  note: z.string().trim().max(200).optional(),
})

export const linkRatingSchema = z.object({
  rating: ratingSchema,
  comment: z.string().trim().max(500).optional(),
})

/**
 * How hard we try before a case of a caller without the app closes as "no rating" (未评价):
 * this many rating SMS, then this many follow-up calls. Configurable (RATING_SMS_ATTEMPTS,
 * RATING_CALL_ATTEMPTS, RATING_SMS_RETRY_DAYS).
 */
export interface RatingPolicy {
  smsAttempts: number
  callAttempts: number
  smsRetryDays: number
}

/** Whether the policy's attempts are spent, so the case may close as `noRating`. */
export function ratingAttemptsSpent(policy: RatingPolicy, done: { sms: number; calls: number }): boolean {
  return done.sms >= policy.smsAttempts && done.calls >= policy.callAttempts
}

/** The next attempt the policy asks for, or null when all are spent. */
export function nextRatingAttempt(
  policy: RatingPolicy,
  done: { sms: number; calls: number },
): 'sms' | 'call' | null {
  if (done.sms < policy.smsAttempts) return 'sms'
  if (done.calls < policy.callAttempts) return 'call'
  return null
}

import { intakeChannels, nextRatingAttempt, ratingAttemptsSpent } from '@minqing/shared'
import { CaseModel, type CaseDocument } from '../cases/case.model'
import type { AppDeps } from '../http/deps'
import { IntakeCallModel } from '../intake/intakeCall.model'
import { ratingPolicyOf } from './followUpCalls'
import { attemptsFor, requestRatingBySms } from './requestRating'

const day = 86_400_000

/**
 * Background job: callers who did not answer the rating SMS get the next one after
 * RATING_SMS_RETRY_DAYS, as the policy allows (follow-up calls are listed for operators).
 */
export async function chaseRatings(deps: AppDeps, limit = 200): Promise<{ sent: number }> {
  const policy = ratingPolicyOf(deps.config)
  const now = deps.clock.now()
  const resolved = await CaseModel.find({ status: 'resolved', source: { $in: [...intakeChannels] } })
    .sort({ resolvedAt: 1, _id: 1 })
    .limit(limit)
  let sent = 0
  for (const record of resolved) {
    const intake = record.originId ? await IntakeCallModel.findById(record.originId) : null
    if (!intake?.caller?.phone) continue
    const done = await attemptsFor(record)
    if (nextRatingAttempt(policy, done) !== 'sms') continue
    const last = done.attempts.filter((item) => item.kind === 'sms').at(-1)
    if (last && now.getTime() - last.at.getTime() < policy.smsRetryDays * day) continue
    if (await requestRatingBySms(deps, record, intake.caller.phone)) sent++
  }
  return { sent }
}

/**
 * Whether a resolved case may close as "no rating": always for residents' cases (the rating
 * window is their policy); for callers filed by an operator only after the SMS and calls the
 * policy sets have been made.
 */
export async function mayCloseUnrated(deps: AppDeps, record: CaseDocument): Promise<boolean> {
  if (!record.originId || !(intakeChannels as readonly string[]).includes(record.source)) return true
  if (!(await IntakeCallModel.exists({ _id: record.originId }))) return true
  const { sms, calls } = await attemptsFor(record)
  return ratingAttemptsSpent(ratingPolicyOf(deps.config), { sms, calls })
}

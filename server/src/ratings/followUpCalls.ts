import { assertSameTenant, scopeFilter } from '../tenants/tenantScope'
import {
  AppError,
  intakeChannels,
  maskName,
  maskPhone,
  nextRatingAttempt,
  type RatingPolicy,
} from '@minqing/shared'
import { CaseModel, type CaseDocument } from '../cases/case.model'
import { loadCase } from '../cases/commitChange'
import { publicText } from '../cases/publicView'
import { isDuplicateKey } from '../db/duplicateKey'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { IntakeCallModel } from '../intake/intakeCall.model'
import { RatingAttemptModel } from './ratingAttempt.model'
import { attemptId, attemptsFor } from './requestRating'
import { recordRating } from './recordRating'

export const ratingPolicyOf = (config: AppDeps['config']): RatingPolicy => ({
  smsAttempts: config.RATING_SMS_ATTEMPTS,
  callAttempts: config.RATING_CALL_ATTEMPTS,
  smsRetryDays: config.RATING_SMS_RETRY_DAYS,
})

/**
 * A case someone can be called back about: the caller's phone from the intake record, else the
 * case's contact phone (a visited household, a resident). NOT_FOUND when there is no one to call.
 */
async function callableCase(caseId: string, viewer: Viewer) {
  const record = await loadCase(caseId)
  assertSameTenant(viewer, record)
  const intake = record.originId ? await IntakeCallModel.findById(record.originId) : null
  const phone = intake?.caller?.phone ?? record.contactPhone
  if (!phone || record.anonymous) throw new AppError('NOT_FOUND')
  return { record, phone }
}

/** Resolved callers' cases whose policy now asks for a follow-up call (回访), caller masked. */
export async function dueRatingCalls(deps: AppDeps, limit = 100, viewer: Pick<Viewer, 'tenantId'> = {}) {
  const policy = ratingPolicyOf(deps.config)
  const resolved = await CaseModel.find({
    status: 'resolved',
    source: { $in: [...intakeChannels] },
    ...scopeFilter(viewer),
  })
    .sort({ resolvedAt: 1, _id: 1 })
    .limit(500)
  const items = []
  for (const record of resolved) {
    if (items.length >= limit) break
    const intake = record.originId ? await IntakeCallModel.findById(record.originId) : null
    if (!intake) continue
    const done = await attemptsFor(record)
    if (nextRatingAttempt(policy, done) !== 'call') continue
    items.push({
      caseId: String(record._id),
      number: record.number,
      title: publicText(record.title),
      channel: intake.channel,
      caller: { name: maskName(intake.caller.name) ?? null, phone: maskPhone(intake.caller.phone) ?? null },
      resolvedAt: record.resolvedAt?.toISOString() ?? null,
      smsSent: done.sms,
      callsMade: done.calls,
    })
  }
  return items
}

/** Claims the next call attempt of this resolution (once, across instances). */
async function claimCall(
  deps: AppDeps,
  viewer: Viewer,
  record: CaseDocument,
  phone: string,
  outcome: string,
) {
  const { calls } = await attemptsFor(record)
  try {
    await RatingAttemptModel.create({
      _id: attemptId(record, 'call', calls + 1),
      caseId: record._id,
      resolvedAt: record.resolvedAt,
      kind: 'call',
      phone,
      at: deps.clock.now(),
      outcome,
      byUserId: viewer.userId,
    })
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('CASE_CHANGED')
    throw error
  }
}

/** A follow-up call that got no rating (no answer, refused): one attempt of the policy. */
export async function recordCallAttempt(
  deps: AppDeps,
  viewer: Viewer,
  caseId: string,
  input: { outcome: 'noAnswer' | 'refused' },
) {
  const { record, phone } = await callableCase(caseId, viewer)
  if (record.status !== 'resolved') throw new AppError('RATING_NOT_OPEN')
  await claimCall(deps, viewer, record, phone, input.outcome)
  return attemptsFor(record).then(({ sms, calls }) => ({ smsSent: sms, callsMade: calls }))
}

/** 回访 by phone: the operator records the caller's rating and how it was obtained. */
export async function recordPhoneFollowUp(
  deps: AppDeps,
  viewer: Viewer,
  caseId: string,
  input: { rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; how: string; comment?: string },
) {
  const { record, phone } = await callableCase(caseId, viewer)
  if (record.status !== 'resolved') throw new AppError('RATING_NOT_OPEN')
  await claimCall(deps, viewer, record, phone, 'rated')
  return recordRating(deps, record, {
    rating: input.rating,
    comment: input.comment,
    how: input.how,
    ratedVia: 'phoneFollowUp',
    actor: { userId: viewer.userId, role: viewer.role, unitId: viewer.unitId },
  })
}

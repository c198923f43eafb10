import { caseSettings } from '../settings/currentSettings'
import { AppError, checkAbility, type Rating, type RatedVia } from '@minqing/shared'
import { caseSnapshot } from '../cases/applyTransition'
import type { CaseDocument } from '../cases/case.model'
import type { EventActor } from '../cases/caseEvents'
import { commitChange } from '../cases/commitChange'
import { planTransition } from '../cases/planners'
import { abilityFacts } from '../cases/policy'
import type { AppDeps } from '../http/deps'
import { notifyCaseEvent } from '../notifications/notifyCaseEvent'
import { RatingAttemptModel } from './ratingAttempt.model'

export interface RatingAnswer {
  rating: Rating
  comment?: string
  ratedVia: RatedVia
  /** For phone follow-ups: how the answer was obtained (本人接听, 家属代答…). */
  how?: string
  actor: EventActor
}

/**
 * A rating obtained outside the app, committed as the `rate` case event with how it was obtained
 * (`ratedVia`). The rule is the resident's own (shared abilities + the `rate` planner: 不满意 reopens once), planned as
 * if the caller had rated; the event names who actually recorded it.
 */
export async function recordRating(deps: AppDeps, record: CaseDocument, answer: RatingAnswer) {
  const now = deps.clock.now()
  const resident = { userId: String(record.createdBy), role: 'resident' as const }
  if (
    !checkAbility(
      { ...resident, unitId: null, overseesCurrentUnit: false },
      'rate',
      abilityFacts(record),
      now,
    ).ok
  )
    throw new AppError('RATING_NOT_OPEN')
  const input = { action: 'rate' as const, rating: answer.rating, comment: answer.comment }
  const result = planTransition(input, {
    snapshot: caseSnapshot(record),
    actor: resident,
    now,
    ...caseSettings(deps, record),
  })
  if (!result.ok) throw new AppError('RATING_NOT_OPEN')
  const { plan } = result
  const resolvedAt = record.resolvedAt
  const updated = await commitChange(
    record,
    { to: plan.to, set: { ...plan.set }, inc: { ...plan.inc }, involveUnitIds: [] },
    {
      action: 'rate',
      actor: answer.actor,
      at: now,
      message: plan.event.message ?? null,
      public: plan.event.public,
      data: { ...plan.event.data, ratedVia: answer.ratedVia, ...(answer.how ? { how: answer.how } : {}) },
    },
  )
  if (resolvedAt)
    await RatingAttemptModel.updateMany(
      { caseId: record._id, resolvedAt, answeredAt: null },
      { $set: { answeredAt: now } },
    )
  await notifyCaseEvent(deps, updated, 'rate', answer.actor.userId, { reopened: plan.to === 'reopened' })
  return updated
}

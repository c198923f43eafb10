import { answerDeadline, rateOutcome } from '@minqing/shared'
import { plan, type Planner } from './types'

/** 评价: closes the case; 不满意 the first time reopens it for supervision (`rateOutcome`). */
export const planRate: Planner<'rate'> = (input, { snapshot, now, limits, calendar }) => {
  const outcome = rateOutcome(input.rating, snapshot.reopenCount)
  const rating = { value: input.rating, comment: input.comment ?? null, at: now }
  if (outcome.status === 'closed') {
    return plan({
      to: 'closed',
      set: {
        rating,
        closedAt: now,
        closedReason: 'rated',
        ...(outcome.flagForSupervision ? { supervisionFlag: true } : {}),
      },
      event: { public: true, message: input.comment ?? null, data: { rating: input.rating } },
    })
  }
  const due = answerDeadline(now, snapshot.urgency, limits, calendar)
  return plan({
    to: 'reopened',
    set: {
      rating,
      supervisionFlag: true,
      resolvedAt: null,
      // Reopening restarts the answer clock (shared/deadlines/clock.ts reads it).
      'deadlines.clockStartedAt': now,
      'deadlines.answerBy': due,
      'deadlines.dueAt': due,
    },
    inc: { reopenCount: 1 },
    event: { public: true, message: input.comment ?? null, data: { rating: input.rating, reopened: true } },
  })
}

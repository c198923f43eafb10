import { answerDeadline } from '@minqing/shared'
import { plan, type Planner } from './types'

/** 重新办理: the case goes back to its unit with a new answer clock, flagged for supervision. */
export const planReopen: Planner<'reopen'> = (input, { snapshot, now, limits, calendar }) => {
  const due = answerDeadline(now, snapshot.urgency, limits, calendar)
  return plan({
    to: 'reopened',
    set: {
      supervisionFlag: true,
      resolvedAt: null,
      closedAt: null,
      closedReason: null,
      // Reopening restarts the answer clock (shared/deadlines/clock.ts reads it).
      'deadlines.clockStartedAt': now,
      'deadlines.answerBy': due,
      'deadlines.dueAt': due,
    },
    inc: { reopenCount: 1 },
    event: { public: true, reason: input.reason },
  })
}

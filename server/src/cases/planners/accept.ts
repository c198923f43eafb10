import { answerDeadline } from '@minqing/shared'
import { plan, type Planner } from './types'

/** 签收: the unit takes the case on; the answer clock starts now. */
export const planAccept: Planner<'accept'> = (_input, { snapshot, now, limits, calendar }) => {
  const due = answerDeadline(now, snapshot.urgency, limits, calendar)
  return plan({
    to: 'accepted',
    set: {
      acceptedAt: now,
      'deadlines.clockStartedAt': now,
      'deadlines.answerBy': due,
      'deadlines.dueAt': due,
    },
    event: { public: true },
  })
}

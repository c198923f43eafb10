import { plan, type Planner } from './types'

/** 不予受理: the dispatch centre declines the case, with the reason the resident reads. */
export const planReject: Planner<'reject'> = (input, { now }) =>
  plan({
    to: 'rejected',
    set: { closedAt: now, 'deadlines.dueAt': null },
    event: { public: true, reason: input.reason },
  })

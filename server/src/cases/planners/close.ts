import { plan, type Planner } from './types'

/** 销号 by staff: a resolved case closed without waiting for the rating. */
export const planClose: Planner<'close'> = (input, { now }) =>
  plan({
    to: 'closed',
    set: { closedAt: now, closedReason: 'byStaff' },
    event: { public: true, reason: input.reason ?? null },
  })

import { plan, type Planner } from './types'

/** 办结: the unit reports the result; the resident's rating window opens. */
export const planResolve: Planner<'resolve'> = (input, { now, limits }) =>
  plan({
    to: 'resolved',
    set: {
      resolvedAt: now,
      'deadlines.dueAt': null,
      'deadlines.ratingBy': new Date(now.getTime() + limits.ratingWindowDays * 86_400_000),
    },
    event: { public: true, message: input.message },
  })

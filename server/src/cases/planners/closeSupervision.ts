import { plan, type Planner } from './types'

/** 督办销号: the flag is struck off with a written outcome (逐一销号). */
export const planCloseSupervision: Planner<'closeSupervision'> = (input, { snapshot, actor, now }) =>
  plan({
    to: snapshot.status,
    set: {
      supervisionFlag: false,
      'supervision.flag': null,
      'supervision.lastOutcome': {
        level: snapshot.flagLevel ?? '',
        outcome: input.message,
        by: actor.userId,
        at: now,
      },
    },
    event: { public: false, message: input.message, data: { level: snapshot.flagLevel } },
  })

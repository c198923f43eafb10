import { plan, type Planner } from './types'

/** 并单: a duplicate is closed into the surviving case (whose followers it joins). */
export const planMerge: Planner<'merge'> = (input, { now }) =>
  plan({
    to: 'closed',
    set: { closedAt: now, closedReason: 'merged', mergedInto: input.intoCaseId, 'deadlines.dueAt': null },
    event: {
      public: true,
      reason: input.reason ?? '与已有诉求重复，已并单办理',
      data: { intoCaseId: input.intoCaseId },
    },
  })

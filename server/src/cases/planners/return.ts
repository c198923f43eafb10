import { plan, type Planner } from './types'

/** 退回: the unit hands the case back to the dispatch centre; no clock runs until it is sent again. */
export const planReturn: Planner<'return'> = (input, { snapshot }) =>
  plan({
    to: 'returned',
    set: { unitId: null, 'deadlines.dueAt': null, acceptedAt: null },
    inc: { returnCount: 1 },
    rollup: { newUnitId: null },
    event: { public: false, reason: input.reason, data: { fromUnitId: snapshot.unitId } },
  })

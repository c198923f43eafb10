import { plan, type Planner } from './types'

/** 派单异议: the dispatched unit disputes the dispatch before signing for it. */
export const planObject: Planner<'object'> = (input, { snapshot, now }) =>
  plan({
    to: snapshot.status,
    set: { objection: { unitId: snapshot.unitId, reason: input.reason, at: now, status: 'pending' } },
    event: { public: false, reason: input.reason, data: { unitId: snapshot.unitId } },
  })

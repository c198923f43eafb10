import { plan, type Planner } from './types'

/** 包案: a leader takes personal ownership of the case (带案下访). */
export const planTakeOwnership: Planner<'takeOwnership'> = (input, { snapshot, actor, now }) =>
  plan({
    to: snapshot.status,
    set: { ownerLeaderId: actor.userId, ownedAt: now },
    event: {
      public: false,
      reason: input.reason ?? null,
      data: { ownerLeaderId: actor.userId, previousOwnerId: snapshot.ownerLeaderId ?? null },
    },
  })

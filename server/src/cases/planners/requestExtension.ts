import { plan, type Planner } from './types'

/** 申请延期: asked before the deadline (checked by the abilities module), decided by a leader. */
export const planRequestExtension: Planner<'requestExtension'> = (input, { snapshot, now }) =>
  plan({
    to: snapshot.status,
    set: {
      extension: {
        workingDays: input.workingDays,
        reason: input.reason,
        requestedAt: now,
        status: 'pending',
      },
    },
    event: { public: false, reason: input.reason, data: { workingDays: input.workingDays } },
  })

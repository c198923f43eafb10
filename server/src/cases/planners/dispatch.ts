import { acceptDeadline } from '@minqing/shared'
import { plan, type Planner } from './types'

/** 派单: the dispatch centre sends the case to a unit, whose sign-for clock starts. */
export const planDispatch: Planner<'dispatch'> = (input, { snapshot, now, limits, calendar }) => {
  const acceptBy = acceptDeadline(now, limits, calendar, { urgency: snapshot.urgency, unitId: input.unitId })
  return plan({
    to: 'dispatched',
    set: {
      unitId: input.unitId,
      firstReceiverUnitId: snapshot.firstReceiverUnitId ?? input.unitId,
      routing: {
        kind: 'manual',
        unitId: input.unitId,
        ruleId: null,
        reason: input.reason ?? '派单中心人工派单',
        decidedAt: now,
      },
      'deadlines.acceptBy': acceptBy,
      'deadlines.dueAt': acceptBy,
    },
    involveUnitIds: [input.unitId],
    rollup: { newUnitId: input.unitId },
    event: { public: true, reason: input.reason ?? null, data: { unitId: input.unitId } },
  })
}

import { acceptDeadline } from '@minqing/shared'
import { plan, type Planner } from './types'

/** 更正分类: the corrected case is routed again, as if it had been submitted that way. */
export const planRecategorize: Planner<'recategorize'> = (
  input,
  { snapshot, now, limits, calendar, reroute },
) => {
  if (!reroute) throw new Error('recategorize needs a routing decision')
  const routing = {
    kind: reroute.kind,
    unitId: reroute.unitId,
    ruleId: reroute.ruleId,
    reason: reroute.reason,
    decidedAt: now,
  }
  if (reroute.unitId === null) {
    return plan({
      to: 'submitted',
      set: { categoryCode: input.categoryCode, unitId: null, routing, 'deadlines.dueAt': null },
      rollup: { newUnitId: null, categoryCode: input.categoryCode },
      event: { public: true, data: { categoryCode: input.categoryCode } },
    })
  }
  const acceptBy = acceptDeadline(now, limits, calendar, {
    urgency: snapshot.urgency,
    unitId: reroute.unitId,
  })
  return plan({
    to: 'dispatched',
    set: {
      categoryCode: input.categoryCode,
      unitId: reroute.unitId,
      firstReceiverUnitId: snapshot.firstReceiverUnitId ?? reroute.unitId,
      routing,
      'deadlines.acceptBy': acceptBy,
      'deadlines.dueAt': acceptBy,
    },
    involveUnitIds: [reroute.unitId],
    rollup: { newUnitId: reroute.unitId, categoryCode: input.categoryCode },
    event: {
      public: true,
      reason: reroute.reason,
      data: { categoryCode: input.categoryCode, unitId: reroute.unitId },
    },
  })
}

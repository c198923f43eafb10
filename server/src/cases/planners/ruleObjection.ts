import { acceptDeadline } from '@minqing/shared'
import { plan, refuse, type Planner } from './types'

/** 异议裁定: the dispatch centre upholds the dispatch (the unit must take it) or re-dispatches it. */
export const planRuleObjection: Planner<'ruleObjection'> = (input, { snapshot, now, limits, calendar }) => {
  const signFor = {
    urgency: snapshot.urgency,
    unitId: input.uphold ? snapshot.unitId : (input.unitId ?? null),
  }
  const acceptBy = acceptDeadline(now, limits, calendar, signFor)
  if (input.uphold) {
    return plan({
      to: 'dispatched',
      set: { 'objection.status': 'upheld', 'deadlines.acceptBy': acceptBy, 'deadlines.dueAt': acceptBy },
      event: { public: false, reason: input.reason, data: { upheld: true, unitId: snapshot.unitId } },
    })
  }
  if (!input.unitId) return refuse('unit_required')
  if (input.unitId === snapshot.unitId) return refuse('same_unit')
  return plan({
    to: 'dispatched',
    set: {
      'objection.status': 'redispatched',
      unitId: input.unitId,
      routing: { kind: 'manual', unitId: input.unitId, ruleId: null, reason: input.reason, decidedAt: now },
      'deadlines.acceptBy': acceptBy,
      'deadlines.dueAt': acceptBy,
    },
    involveUnitIds: [input.unitId],
    rollup: { newUnitId: input.unitId },
    event: {
      public: true,
      reason: input.reason,
      data: { upheld: false, fromUnitId: snapshot.unitId, toUnitId: input.unitId },
    },
  })
}

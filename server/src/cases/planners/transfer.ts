import { acceptDeadline } from '@minqing/shared'
import { plan, refuse, type Planner } from './types'

/** 移交: the case goes to another unit, which must sign for it again. */
export const planTransfer: Planner<'transfer'> = (input, { snapshot, now, limits, calendar }) => {
  if (input.unitId === snapshot.unitId) return refuse('same_unit')
  const acceptBy = acceptDeadline(now, limits, calendar, { urgency: snapshot.urgency, unitId: input.unitId })
  return plan({
    to: 'transferred',
    set: {
      unitId: input.unitId,
      'deadlines.acceptBy': acceptBy,
      'deadlines.dueAt': acceptBy,
      acceptedAt: null,
    },
    inc: { transferCount: 1 },
    involveUnitIds: [input.unitId],
    rollup: { newUnitId: input.unitId },
    event: {
      public: true,
      reason: input.reason,
      data: { fromUnitId: snapshot.unitId, toUnitId: input.unitId },
    },
  })
}

import { endOfNthWorkingDay } from '@minqing/shared'
import { plan, refuse, type Planner } from './types'

/** 挂牌督办: a leader flags the case with a level and a report date (5 working days by default). */
export const planFlagSupervision: Planner<'flagSupervision'> = (
  input,
  { snapshot, actor, now, calendar },
) => {
  if (snapshot.flagLevel === input.level) return refuse('already_flagged')
  const reportBy = input.reportBy
    ? new Date(`${input.reportBy}T23:59:59+08:00`)
    : endOfNthWorkingDay(now, 5, calendar)
  return plan({
    to: snapshot.status,
    set: {
      supervisionFlag: true,
      'supervision.flag': { level: input.level, reportBy, reason: input.reason, by: actor.userId, at: now },
    },
    event: { public: false, reason: input.reason, data: { level: input.level, reportBy } },
  })
}

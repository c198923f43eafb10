import { endOfNthWorkingDay } from '@minqing/shared'
import { plan, type Planner } from './types'

/** 延期审批: approved, the answer deadline moves by the working days asked for. */
export const planDecideExtension: Planner<'decideExtension'> = (input, { snapshot, now, calendar }) => {
  if (!input.approve) {
    return plan({
      to: snapshot.status,
      set: { 'extension.status': 'refused' },
      event: { public: false, reason: input.reason ?? null, data: { approved: false } },
    })
  }
  const days = snapshot.extensionDays ?? 0
  const extended = endOfNthWorkingDay(snapshot.answerBy ?? now, days, calendar)
  return plan({
    to: snapshot.status,
    set: { 'extension.status': 'approved', 'deadlines.answerBy': extended, 'deadlines.dueAt': extended },
    event: { public: true, reason: input.reason ?? null, data: { approved: true, workingDays: days } },
  })
}

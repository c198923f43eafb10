import { chinaDate } from '../calendar/workingDays'
import type { Urgency } from '../cases/schemas'
import type { TimeLimits } from '../deadlines/timeLimits'

/** A deadline as a resident reads it: "3月10日 11:00". */
export const plainTime = (date: Date) => chinaDate(date).format('M月D日 HH:mm')

/**
 * The time standard that applies to a routed case, in plain Chinese, from the same limits the
 * deadlines are computed with (shared/src/deadlines): when the unit must sign for it and how long
 * it then has to answer. Emergencies and the all-hours setting count natural hours.
 */
export function timeStandardText(input: {
  urgency: Urgency
  limits: TimeLimits
  acceptBy: Date | null
  expectedAnswerBy: Date | null
}): string {
  const { limits, urgency } = input
  const naturalHours = urgency === 'emergency' || limits.signForClock === 'allHours'
  const signFor = `${naturalHours ? '' : '工作时间'}${limits.acceptHours}小时内签收`
  const signBy = input.acceptBy ? `（最迟${plainTime(input.acceptBy)}前）` : ''
  const limit = limits.answer[urgency]
  const answer = 'hours' in limit ? `${limit.hours}小时内` : `${limit.workingDays}个工作日内`
  const answerBy = input.expectedAnswerBy ? `，预计${plainTime(input.expectedAnswerBy)}前答复` : ''
  return `承办单位将在${signFor}${signBy}，签收后${answer}答复您${answerBy}`
}

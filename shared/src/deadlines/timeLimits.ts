import { z } from 'zod'
import { endOfNthWorkingDay, type HolidayCalendar } from '../calendar/workingDays'
import type { Urgency } from '../cases/schemas'

const limitSchema = z.union([
  z.object({
    hours: z
      .number()
      .positive()
      .max(24 * 90),
  }),
  z.object({ workingDays: z.number().int().positive().max(120) }),
])
export type TimeLimit = z.infer<typeof limitSchema>

export const timeLimitsSchema = z.object({
  /** A unit signs for (accepts) a dispatched case within this many hours. */
  acceptHours: z.number().positive().max(72),
  /** Feedback to the resident, counted from signing for the case. */
  answer: z.object({
    emergency: limitSchema,
    utility: limitSchema,
    general: limitSchema,
    complex: limitSchema,
  }),
  /** Share of the time used at which a case turns from "on time" to "warning". */
  warnShare: z.number().gt(0).lt(1),
  /** Days the resident has to rate a resolved case before it closes as "no rating". */
  ratingWindowDays: z.number().int().positive().max(60),
  /** Working days a chased (催办) case may stay late before it goes to the leader above (升级督办). */
  escalateAfterWorkingDays: z.number().int().positive().max(30).default(2),
})
export type TimeLimits = z.infer<typeof timeLimitsSchema>

/**
 * Defaults from Beijing's 12345 service standard: sign for an online case within 2 hours;
 * answer within 2 hours when life or property is at risk, 24 hours for water, power, gas and
 * heating, 7 working days for general cases and 15 for complex ones.
 */
export const defaultTimeLimits: TimeLimits = {
  acceptHours: 2,
  answer: {
    emergency: { hours: 2 },
    utility: { hours: 24 },
    general: { workingDays: 7 },
    complex: { workingDays: 15 },
  },
  warnShare: 0.8,
  ratingWindowDays: 7,
  escalateAfterWorkingDays: 2,
}

export function applyLimit(start: Date, limit: TimeLimit, calendar: HolidayCalendar): Date {
  if ('hours' in limit) return new Date(start.getTime() + limit.hours * 3_600_000)
  return endOfNthWorkingDay(start, limit.workingDays, calendar)
}

export function acceptDeadline(dispatchedAt: Date, limits: TimeLimits): Date {
  return new Date(dispatchedAt.getTime() + limits.acceptHours * 3_600_000)
}

/** The unit's clock starts when it signs for the case. */
export function answerDeadline(
  acceptedAt: Date,
  urgency: Urgency,
  limits: TimeLimits,
  calendar: HolidayCalendar,
): Date {
  return applyLimit(acceptedAt, limits.answer[urgency], calendar)
}

/** What the resident is told up front: signing takes at most acceptHours, then the answer limit. */
export function expectedAnswerBy(
  submittedAt: Date,
  urgency: Urgency,
  limits: TimeLimits,
  calendar: HolidayCalendar,
): Date {
  return answerDeadline(acceptDeadline(submittedAt, limits), urgency, limits, calendar)
}

export type TimeState = 'on_time' | 'warning' | 'overdue'

export function timeState(
  now: Date,
  startedAt: Date,
  dueAt: Date,
  warnShare: number,
): { state: TimeState; msLeft: number } {
  const msLeft = dueAt.getTime() - now.getTime()
  if (msLeft < 0) return { state: 'overdue', msLeft }
  const total = dueAt.getTime() - startedAt.getTime()
  const used = total <= 0 ? 1 : (now.getTime() - startedAt.getTime()) / total
  return { state: used >= warnShare ? 'warning' : 'on_time', msLeft }
}

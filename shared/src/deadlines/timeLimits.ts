import { z } from 'zod'
import { addOfficeHours, defaultOfficeHours, officeHoursSchema } from '../calendar/officeHours'
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
  /** A unit signs for (accepts) a dispatched case within this many hours (office hours by default). */
  acceptHours: z.number().positive().max(72),
  /**
   * How the sign-for hours are counted: `officeHours` (default) counts only the unit's office
   * hours on working days; `allHours` counts nights and holidays too. Emergencies always count
   * all hours.
   */
  signForClock: z.enum(['officeHours', 'allHours']).default('officeHours'),
  /** Office hours of every unit without its own (China time). */
  officeHours: officeHoursSchema.default(defaultOfficeHours),
  /** Units keeping other hours (a 24-hour hotline, a market office open on Saturdays), by unit id. */
  unitOfficeHours: z.record(z.string().max(40), officeHoursSchema).default({}),
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
  signForClock: 'officeHours',
  officeHours: defaultOfficeHours,
  unitOfficeHours: {},
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

/** What the sign-for limit depends on besides the time limits and the calendar. */
export interface SignForContext {
  urgency: Urgency
  /** The unit that must sign for the case (its own office hours, if it has any). */
  unitId?: string | null
}

/**
 * When the unit that just received the case must have signed for it: `acceptHours` of its office
 * hours on working days (a case sent at night or on a holiday waits for the office to open), or
 * natural hours for emergencies and when the setting says so.
 */
export function acceptDeadline(
  receivedAt: Date,
  limits: TimeLimits,
  calendar: HolidayCalendar,
  context: SignForContext,
): Date {
  if (context.urgency === 'emergency' || limits.signForClock === 'allHours')
    return new Date(receivedAt.getTime() + limits.acceptHours * 3_600_000)
  const hours = (context.unitId && limits.unitOfficeHours[context.unitId]) || limits.officeHours
  return addOfficeHours(receivedAt, limits.acceptHours, calendar, hours)
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
  return answerDeadline(acceptDeadline(submittedAt, limits, calendar, { urgency }), urgency, limits, calendar)
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

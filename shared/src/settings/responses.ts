import { z } from 'zod'
import { isoDaySchema, isoTimeSchema, responseObject } from '../api/responseShapes'
import { urgencySchema } from '../cases/schemas'
import { timeLimitsSchema } from '../deadlines/timeLimits'

export const expectedAnswerResponseSchema = responseObject({
  urgency: urgencySchema,
  expectedAnswerBy: isoTimeSchema,
})

/** The time limits in force: exactly what PUT /settings/time-limits accepts. */
export const timeLimitsResponseSchema = timeLimitsSchema

export const calendarYearResponseSchema = responseObject({
  year: z.number().int(),
  confirmed: z.boolean(),
  holidays: z.array(isoDaySchema),
  workdays: z.array(isoDaySchema),
})

/** `calendarStatus` (shared/src/calendar/calendarStatus.ts). */
export const calendarStatusResponseSchema = responseObject({
  year: z.number().int(),
  nextYear: z.number().int(),
  confirmedYears: z.array(z.number().int()),
  currentYearMissing: z.boolean(),
  nextYearMissing: z.boolean(),
  warning: z.string().nullable(),
})

/** PUT /calendars/:year: the arrangement as saved. */
export const calendarSavedResponseSchema = responseObject({
  year: z.number().int(),
  holidays: z.array(isoDaySchema),
  workdays: z.array(isoDaySchema),
})

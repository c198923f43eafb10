import { z } from 'zod'
import { isoDaySchema, isoTimeSchema, responseObject } from '../api/responseShapes'
import { urgencySchema } from '../cases/schemas'
import { timeLimitsSchema } from '../deadlines/timeLimits'

export const expectedAnswerResponseSchema = responseObject({
  urgency: urgencySchema,
  expectedAnswerBy: isoTimeSchema,
})

/**
 * Where a district's setting comes from (issue 16): its own (`tenant`) or inherited from the
 * city (`city`); a city-level view of the city default is `city`.
 */
export const settingSourceSchema = z.enum(['city', 'tenant'])
export type SettingSource = z.infer<typeof settingSourceSchema>
/** Whose settings an answer is about: the city default, or one district's (the viewer's own). */
const appliesToSchema = settingSourceSchema

/** The time limits in force: what PUT /settings/time-limits accepts, and where they come from. */
export const timeLimitsResponseSchema = timeLimitsSchema.extend({
  source: settingSourceSchema,
  appliesTo: appliesToSchema,
})

export const calendarYearResponseSchema = responseObject({
  year: z.number().int(),
  confirmed: z.boolean(),
  source: settingSourceSchema,
  appliesTo: appliesToSchema,
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
  /** The years the viewer's district set its own arrangement for (empty for the city). */
  ownYears: z.array(z.number().int()),
})

/** PUT /calendars/:year: the arrangement as saved, the city's or the district's own. */
export const calendarSavedResponseSchema = responseObject({
  year: z.number().int(),
  holidays: z.array(isoDaySchema),
  workdays: z.array(isoDaySchema),
  source: settingSourceSchema,
})

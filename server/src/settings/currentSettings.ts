import {
  china2026,
  defaultTimeLimits,
  timeLimitsSchema,
  type HolidayCalendar,
  type TimeLimits,
} from '@minqing/shared'
import type { AppDeps } from '../http/deps'
import { HolidayCalendarModel, SettingModel } from './settings.model'

/**
 * Merges the shipped calendar with the years admins maintain: a year in the database replaces
 * that year's shipped dates entirely; other years keep what shipped.
 */
export function mergeCalendars(
  shipped: HolidayCalendar,
  years: Array<{ year: number; holidays: string[]; workdays: string[] }>,
): HolidayCalendar {
  const replaced = new Set(years.map((entry) => String(entry.year)))
  const keep = (date: string) => !replaced.has(date.slice(0, 4))
  return {
    holidays: [...shipped.holidays.filter(keep), ...years.flatMap((entry) => entry.holidays)],
    workdays: [...shipped.workdays.filter(keep), ...years.flatMap((entry) => entry.workdays)],
    // A year an admin entered is confirmed (they entered the official notice); other years are not.
    confirmedYears: [
      ...new Set([...(shipped.confirmedYears ?? []), ...years.map((entry) => entry.year)]),
    ].sort(),
  }
}

/**
 * Loads time limits and calendars into `deps`. Called at start-up, after an admin changes
 * them on this instance, and periodically so other instances pick changes up within a minute.
 */
export async function refreshSettings(deps: AppDeps): Promise<void> {
  const [limits, years] = await Promise.all([
    SettingModel.findById('timeLimits'),
    HolidayCalendarModel.find(),
  ])
  const parsed = timeLimitsSchema.safeParse(limits?.value)
  deps.timeLimits = parsed.success ? parsed.data : defaultTimeLimits
  deps.calendar = mergeCalendars(
    china2026,
    years.map((entry) => ({ year: entry._id as number, holidays: entry.holidays, workdays: entry.workdays })),
  )
}

export type { TimeLimits }

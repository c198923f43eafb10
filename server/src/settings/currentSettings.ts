import {
  china2026,
  defaultTimeLimits,
  timeLimitsSchema,
  type HolidayCalendar,
  type TimeLimits,
} from '@minqing/shared'
import type { AppDeps, TenantSettings } from '../http/deps'
import { tenantOf } from '../tenants/tenantScope'
import { HolidayCalendarModel, SettingModel, TenantCalendarModel } from './settings.model'

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

type YearArrangement = { year: number; holidays: string[]; workdays: string[] }

/**
 * One district's settings: its own time limits if it set them, else the city's; its own years
 * replace the city's for those years only (a year it did not set is the city's).
 */
export function districtSettings(
  city: { timeLimits: TimeLimits; calendar: HolidayCalendar },
  own: { timeLimits?: TimeLimits; years: YearArrangement[] },
): TenantSettings {
  return {
    timeLimits: own.timeLimits ?? city.timeLimits,
    calendar: own.years.length ? mergeCalendars(city.calendar, own.years) : city.calendar,
    ownTimeLimits: Boolean(own.timeLimits),
    ownYears: own.years.map((entry) => entry.year).sort(),
  }
}

/**
 * The settings a record of this tenant is timed by (`tenantOf(record)`); null = the city's. Sync:
 * everything is loaded by `refreshSettings`, so deadline code stays free of database reads.
 */
export function settingsFor(deps: AppDeps, tenantId: string | null | undefined): TenantSettings {
  const own = tenantId ? deps.tenantSettings.get(tenantId) : undefined
  return own ?? { timeLimits: deps.timeLimits, calendar: deps.calendar, ownTimeLimits: false, ownYears: [] }
}

/** The limits and calendar a record (case, campaign…) is timed by: those of its tenant. */
export function caseSettings(deps: AppDeps, record: Parameters<typeof tenantOf>[0]) {
  const { timeLimits, calendar } = settingsFor(deps, tenantOf(record))
  return { limits: timeLimits, calendar }
}

const tenantLimitsPrefix = 'timeLimits:'

/**
 * Loads the city's and every district's time limits and calendars into `deps`. Called at
 * start-up, after an admin changes them on this instance, and periodically so other instances
 * pick changes up within a minute. A stored set that no longer parses falls back to the city's
 * (or, for the city, the shipped defaults).
 */
export async function refreshSettings(deps: AppDeps): Promise<void> {
  const [limits, years, tenantYears] = await Promise.all([
    SettingModel.find({ _id: { $regex: /^timeLimits(:|$)/ } }).lean(),
    HolidayCalendarModel.find().lean(),
    TenantCalendarModel.find().lean(),
  ])
  const cityLimits = timeLimitsSchema.safeParse(limits.find((entry) => entry._id === 'timeLimits')?.value)
  const city = {
    timeLimits: cityLimits.success ? cityLimits.data : defaultTimeLimits,
    calendar: mergeCalendars(
      china2026,
      years.map((entry) => ({
        year: entry._id as number,
        holidays: entry.holidays,
        workdays: entry.workdays,
      })),
    ),
  }
  const own = new Map<string, { timeLimits?: TimeLimits; years: YearArrangement[] }>()
  const ownOf = (tenantId: string) => {
    if (!own.has(tenantId)) own.set(tenantId, { years: [] })
    return own.get(tenantId)!
  }
  for (const entry of limits) {
    if (!String(entry._id).startsWith(tenantLimitsPrefix)) continue
    const parsed = timeLimitsSchema.safeParse(entry.value)
    if (parsed.success) ownOf(String(entry._id).slice(tenantLimitsPrefix.length)).timeLimits = parsed.data
  }
  for (const entry of tenantYears) {
    ownOf(String(entry.tenantId)).years.push({
      year: entry.year,
      holidays: entry.holidays,
      workdays: entry.workdays,
    })
  }
  deps.timeLimits = city.timeLimits
  deps.calendar = city.calendar
  deps.tenantSettings = new Map(
    [...own].map(([tenantId, settings]) => [tenantId, districtSettings(city, settings)]),
  )
}

export type { TimeLimits }

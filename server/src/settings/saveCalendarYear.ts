import { calendarStatus, provisionalHolidays } from '@minqing/shared'
import { recordConfigChange } from '../audit/recordConfigChange'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { refreshSettings, settingsFor } from './currentSettings'
import { HolidayCalendarModel, TenantCalendarModel, tenantCalendarId } from './settings.model'

type Arrangement = { holidays: string[]; workdays: string[] }

/** A year as a tenant's deadlines use it (null = the city's), and whether it is the district's own. */
export function presentCalendarYear(deps: AppDeps, tenantId: string | null, year: number) {
  const { calendar, ownYears } = settingsFor(deps, tenantId)
  const source = ownYears.includes(year) ? ('tenant' as const) : ('city' as const)
  const appliesTo = tenantId ? ('tenant' as const) : ('city' as const)
  const inYear = (date: string) => date.startsWith(`${year}-`)
  if (calendar.confirmedYears && !calendar.confirmedYears.includes(year)) {
    // Not confirmed: what deadlines use meanwhile (weekends + fixed-date statutory holidays).
    return { year, confirmed: false, source, appliesTo, holidays: provisionalHolidays(year), workdays: [] }
  }
  return {
    year,
    confirmed: true,
    source,
    appliesTo,
    holidays: calendar.holidays.filter(inYear).sort(),
    workdays: calendar.workdays.filter(inYear).sort(),
  }
}

/** Which years are confirmed for the tenant, the missing-year warning, and the district's own years. */
export function presentCalendarStatus(deps: AppDeps, tenantId: string | null) {
  const { calendar, ownYears } = settingsFor(deps, tenantId)
  return { ...calendarStatus(calendar, deps.clock.now()), ownYears }
}

async function storedYear(tenantId: string | null, year: number): Promise<Arrangement | null> {
  const stored = tenantId
    ? await TenantCalendarModel.findById(tenantCalendarId(tenantId, year)).lean()
    : await HolidayCalendarModel.findById(year).lean()
  return stored ? { holidays: stored.holidays, workdays: stored.workdays } : null
}

/** Saves the city's arrangement of a year (tenantId null) or one district's own, audited with the district. */
export async function saveCalendarYear(
  deps: AppDeps,
  viewer: Viewer,
  tenantId: string | null,
  year: number,
  arrangement: Arrangement,
) {
  const before = await storedYear(tenantId, year)
  if (tenantId)
    await TenantCalendarModel.updateOne(
      { _id: tenantCalendarId(tenantId, year) },
      { $set: { tenantId, year, ...arrangement } },
      { upsert: true },
    )
  else await HolidayCalendarModel.updateOne({ _id: year }, { $set: arrangement }, { upsert: true })
  await refreshSettings(deps)
  await recordConfigChange(deps, viewer, {
    entityType: 'calendar',
    entityId: String(year),
    action: before ? 'update' : 'create',
    before: before && { year, ...before },
    after: { year, ...arrangement },
    tenantId,
  })
  return { year, ...arrangement, source: tenantId ? ('tenant' as const) : ('city' as const) }
}

/**
 * Removes a year's admin-entered arrangement: a district's year falls back to the city's, the
 * city's to the shipped or provisional calendar.
 */
export async function removeCalendarYear(
  deps: AppDeps,
  viewer: Viewer,
  tenantId: string | null,
  year: number,
) {
  const before = await storedYear(tenantId, year)
  if (tenantId) await TenantCalendarModel.deleteOne({ _id: tenantCalendarId(tenantId, year) })
  else await HolidayCalendarModel.deleteOne({ _id: year })
  await refreshSettings(deps)
  if (before)
    await recordConfigChange(deps, viewer, {
      entityType: 'calendar',
      entityId: String(year),
      action: 'delete',
      before: { year, ...before },
      tenantId,
    })
  return presentCalendarStatus(deps, tenantId)
}

import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { provisionalHolidays } from './statutoryHolidays'

dayjs.extend(utc)

/**
 * A year's official arrangement: public holidays (放假) and make-up working days (调休上班),
 * as YYYY-MM-DD dates. Everything else follows the week: Monday–Friday work, weekends off.
 */
export interface HolidayCalendar {
  holidays: readonly string[]
  workdays: readonly string[]
  /**
   * Years whose official arrangement is known. A day in any other year is counted provisionally:
   * weekends and the fixed-date statutory holidays only (never a silent working 1 January).
   * Undefined: every year is taken as given (hand-made calendars in tests).
   */
  confirmedYears?: readonly number[]
}

/** Deadlines are counted on China Standard Time dates, wherever the server runs. */
export const chinaOffsetMinutes = 8 * 60

export function chinaDate(instant: Date): Dayjs {
  return dayjs(instant).utcOffset(chinaOffsetMinutes)
}

/** The first and last instant of China-time days "YYYY-MM-DD" … "YYYY-MM-DD" (periods, ledgers, filters). */
export function chinaDays(from: string, to: string): { from: Date; to: Date } {
  return { from: new Date(`${from}T00:00:00+08:00`), to: new Date(`${to}T23:59:59.999+08:00`) }
}

export function isWorkingDay(day: Dayjs, calendar: HolidayCalendar): boolean {
  return workingDayByDate(day.format('YYYY-MM-DD'), day.year(), day.day(), calendar)
}

function workingDayByDate(key: string, year: number, weekday: number, calendar: HolidayCalendar): boolean {
  if (calendar.confirmedYears && !calendar.confirmedYears.includes(year)) {
    if (provisionalHolidays(year).includes(key)) return false
    return weekday !== 0 && weekday !== 6
  }
  if (calendar.workdays.includes(key)) return true
  if (calendar.holidays.includes(key)) return false
  return weekday !== 0 && weekday !== 6
}

const dayMs = 86_400_000
const offsetMs = chinaOffsetMinutes * 60_000

/**
 * The same days counted as plain numbers (China time has no daylight saving, so every day is
 * 24 h): deadline arithmetic runs on every submission, and dayjs objects per day cost more CPU
 * than the rest of computing a deadline (issue 18).
 */
export function chinaMidnight(instant: number): number {
  return Math.floor((instant + offsetMs) / dayMs) * dayMs - offsetMs
}

/** Whether the China-time day that begins at `midnight` (from chinaMidnight) is a working day. */
export function isWorkingDayAt(midnight: number, calendar: HolidayCalendar): boolean {
  const asUtc = new Date(midnight + offsetMs)
  return workingDayByDate(
    asUtc.toISOString().slice(0, 10),
    asUtc.getUTCFullYear(),
    asUtc.getUTCDay(),
    calendar,
  )
}

/**
 * The end (23:59:59.999 CST) of the N-th working day after `start`. The day of receipt does not
 * count (当日不计入): a case received on Monday with 7 working days is due at the end of the
 * following Wednesday; one received on Saturday counts Monday as day 1.
 */
export function endOfNthWorkingDay(start: Date, n: number, calendar: HolidayCalendar): Date {
  let day = chinaMidnight(start.getTime())
  let counted = 0
  while (counted < n) {
    day += dayMs
    if (isWorkingDayAt(day, calendar)) counted++
  }
  return new Date(day + dayMs - 1)
}

/** Counts the working days strictly after `from`'s date up to and including `to`'s date. */
export function workingDaysBetween(from: Date, to: Date, calendar: HolidayCalendar): number {
  let day = chinaDate(from).startOf('day')
  const last = chinaDate(to).startOf('day')
  let count = 0
  while (day.isBefore(last)) {
    day = day.add(1, 'day')
    if (isWorkingDay(day, calendar)) count++
  }
  return count
}

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
  const key = day.format('YYYY-MM-DD')
  if (calendar.confirmedYears && !calendar.confirmedYears.includes(day.year())) {
    if (provisionalHolidays(day.year()).includes(key)) return false
    const weekday = day.day()
    return weekday !== 0 && weekday !== 6
  }
  if (calendar.workdays.includes(key)) return true
  if (calendar.holidays.includes(key)) return false
  const weekday = day.day()
  return weekday !== 0 && weekday !== 6
}

/**
 * The end (23:59:59.999 CST) of the N-th working day after `start`. The day of receipt does not
 * count (当日不计入): a case received on Monday with 7 working days is due at the end of the
 * following Wednesday; one received on Saturday counts Monday as day 1.
 */
export function endOfNthWorkingDay(start: Date, n: number, calendar: HolidayCalendar): Date {
  let day = chinaDate(start).startOf('day')
  let counted = 0
  while (counted < n) {
    day = day.add(1, 'day')
    if (isWorkingDay(day, calendar)) counted++
  }
  return day.endOf('day').toDate()
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

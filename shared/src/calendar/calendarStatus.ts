import { chinaDate, type HolidayCalendar } from './workingDays'

export { provisionalHolidays } from './statutoryHolidays'

/** From this month (November) admins are warned when next year's official arrangement is missing. */
const warnFromMonth = 11

/**
 * Which years have a confirmed calendar (the State Council's notice, shipped or entered by an
 * admin), and the warning to show when the next year — or worse, the current one — has none.
 */
export function calendarStatus(calendar: HolidayCalendar, now: Date) {
  const today = chinaDate(now)
  const year = today.year()
  const confirmedYears = [...(calendar.confirmedYears ?? [])].sort((a, b) => a - b)
  const confirmed = (which: number) => calendar.confirmedYears === undefined || confirmedYears.includes(which)
  const currentYearMissing = !confirmed(year)
  const nextYearMissing = today.month() + 1 >= warnFromMonth && !confirmed(year + 1)
  const warning = currentYearMissing
    ? `${year}年节假日安排尚未录入：期限暂按周末和固定日期法定节假日（元旦、劳动节、国庆节）计算，春节等农历节日和调休未计入。请按国务院办公厅通知录入。`
    : nextYearMissing
      ? `${year + 1}年节假日安排尚未录入。国务院办公厅通知发布后请及时录入；未录入前，${year + 1}年的期限只按周末和固定日期法定节假日计算。`
      : null
  return { year, nextYear: year + 1, confirmedYears, currentYearMissing, nextYearMissing, warning }
}
export type CalendarStatus = ReturnType<typeof calendarStatus>

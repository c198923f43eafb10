import { z } from 'zod'
import { chinaMidnight, isWorkingDayAt, type HolidayCalendar } from './workingDays'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm / Use HH:mm' })
const minutesOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))

/**
 * A unit's office hours in China time (Asia/Shanghai, no daylight saving): the periods of each
 * working day. Which days are working days comes from the holiday calendar (weekdays, minus
 * 放假, plus 调休上班), so a make-up Saturday counts and National Day does not.
 */
export const officeHoursSchema = z.object({
  periods: z
    .array(z.object({ from: hhmm, to: hhmm }))
    .min(1)
    .max(4)
    .refine(
      (periods) =>
        periods.every(
          (period, index) =>
            minutesOf(period.from) < minutesOf(period.to) &&
            (index === 0 || minutesOf(periods[index - 1]!.to) <= minutesOf(period.from)),
        ),
      { message: '时段须按时间先后排列且不重叠 / Periods must be in order and must not overlap' },
    ),
})
export type OfficeHours = z.infer<typeof officeHoursSchema>

/** 上午 9:00–12:00，下午 13:30–17:30 (China time). */
export const defaultOfficeHours: OfficeHours = {
  periods: [
    { from: '09:00', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ],
}

/** A year and a half of days without one office minute means a broken setting, not a deadline. */
const maxDays = 550

/**
 * The instant `hours` office hours after `start`: time outside the periods of working days
 * (nights, lunch, weekends, holidays) does not count.
 */
export function addOfficeHours(
  start: Date,
  hours: number,
  calendar: HolidayCalendar,
  officeHours: OfficeHours,
): Date {
  let remaining = hours * 60 * 60_000
  let day = chinaMidnight(start.getTime())
  for (let index = 0; index < maxDays; index++, day += 86_400_000) {
    if (!isWorkingDayAt(day, calendar)) continue
    for (const period of officeHours.periods) {
      const opens = day + minutesOf(period.from) * 60_000
      const closes = day + minutesOf(period.to) * 60_000
      const from = Math.max(opens, start.getTime())
      if (from >= closes) continue
      if (closes - from >= remaining) return new Date(from + remaining)
      remaining -= closes - from
    }
  }
  throw new Error('office hours never open: check the office-hours setting')
}

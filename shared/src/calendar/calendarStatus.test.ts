import { describe, expect, it } from 'vitest'
import { calendarStatus, provisionalHolidays } from './calendarStatus'
import { china2026 } from './china2026'
import { chinaDate, endOfNthWorkingDay, isWorkingDay } from './workingDays'

const cst = (text: string) => new Date(`${text}+08:00`)
const day = (text: string) => chinaDate(cst(`${text}T12:00:00`))

describe('a year without a confirmed calendar', () => {
  it('does not count 1 January 2027 as a working day: weekends and fixed-date statutory holidays apply', () => {
    expect(isWorkingDay(day('2027-01-01'), china2026)).toBe(false) // Friday, 元旦
    expect(isWorkingDay(day('2027-05-03'), china2026)).toBe(true) // no invented 调休 or bridges
    expect(isWorkingDay(day('2027-10-01'), china2026)).toBe(false)
    expect(isWorkingDay(day('2027-01-02'), china2026)).toBe(false) // Saturday
    // Thursday 31 December 2026 + 1 working day skips the 1 January holiday and the weekend.
    expect(chinaDate(endOfNthWorkingDay(cst('2026-12-31T10:00:00'), 1, china2026)).format('YYYY-MM-DD')).toBe(
      '2027-01-04',
    )
    expect(provisionalHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-05-01',
      '2027-05-02',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ])
  })

  it("warns from 1 November when next year's calendar is missing, and says which years are confirmed", () => {
    expect(calendarStatus(china2026, cst('2026-10-31T23:00:00'))).toMatchObject({
      confirmedYears: [2026],
      nextYearMissing: false,
      warning: null,
    })
    const november = calendarStatus(china2026, cst('2026-11-01T00:10:00'))
    expect(november).toMatchObject({ nextYear: 2027, nextYearMissing: true })
    expect(november.warning).toContain('2027')
    expect(
      calendarStatus({ ...china2026, confirmedYears: [2026, 2027] }, cst('2026-11-02T00:00:00')).warning,
    ).toBeNull()
    // In 2027 itself without a calendar, the warning is louder: deadlines are provisional now.
    expect(calendarStatus(china2026, cst('2027-01-05T09:00:00'))).toMatchObject({ currentYearMissing: true })
  })
})

import { describe, expect, it } from 'vitest'
import { china2026 } from './china2026'
import {
  chinaDate,
  chinaDays,
  chinaMidnight,
  endOfNthWorkingDay,
  isWorkingDay,
  isWorkingDayAt,
  workingDaysBetween,
} from './workingDays'

const cst = (text: string) => new Date(`${text}+08:00`)
const day = (text: string) => chinaDate(cst(`${text}T12:00:00`))
const fmt = (date: Date) => chinaDate(date).format('YYYY-MM-DD HH:mm:ss')

describe('working days (2026 national calendar)', () => {
  it('weekdays work, weekends rest, holidays rest, make-up days work', () => {
    expect(isWorkingDay(day('2026-03-02'), china2026)).toBe(true) // Monday
    expect(isWorkingDay(day('2026-03-07'), china2026)).toBe(false) // Saturday
    expect(isWorkingDay(day('2026-10-05'), china2026)).toBe(false) // 国庆 Monday
    expect(isWorkingDay(day('2026-10-10'), china2026)).toBe(true) // 调休 Saturday
    expect(isWorkingDay(day('2026-02-14'), china2026)).toBe(true) // 调休 Saturday before 春节
  })

  it('does not count the day of receipt and ends at 23:59:59 CST of the N-th working day', () => {
    // Monday 2 March 2026 + 7 working days → Wednesday 11 March
    expect(fmt(endOfNthWorkingDay(cst('2026-03-02T10:00:00'), 7, china2026))).toBe('2026-03-11 23:59:59')
  })

  it('a case received on a Saturday counts Monday as day 1', () => {
    expect(fmt(endOfNthWorkingDay(cst('2026-03-07T10:00:00'), 1, china2026))).toBe('2026-03-09 23:59:59')
  })

  it('skips the National Day holiday and uses the make-up Saturday', () => {
    // Tuesday 29 Sep: 30 Sep (1), holidays 1–7 Oct, Thu 8 (2), Fri 9 (3), Sat 10 make-up (4), Mon 12 (5)
    expect(fmt(endOfNthWorkingDay(cst('2026-09-29T09:00:00'), 5, china2026))).toBe('2026-10-12 23:59:59')
  })

  it('spans the Spring Festival week with both make-up Saturdays', () => {
    // Fri 13 Feb: Sat 14 make-up (1), 15–23 holiday, Tue 24 (2) ... Fri 27 (5), Sat 28 make-up (6)
    expect(fmt(endOfNthWorkingDay(cst('2026-02-13T16:00:00'), 6, china2026))).toBe('2026-02-28 23:59:59')
  })

  it('uses China time, not the server clock zone, for the date of receipt', () => {
    // 23:30 UTC on Sunday 1 March is already Monday 07:30 in China: Monday is the day of receipt.
    expect(fmt(endOfNthWorkingDay(new Date('2026-03-01T23:30:00Z'), 1, china2026))).toBe(
      '2026-03-03 23:59:59',
    )
  })

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(cst('2026-09-30T09:00:00'), cst('2026-10-12T09:00:00'), china2026)).toBe(4)
    expect(workingDaysBetween(cst('2026-03-02T09:00:00'), cst('2026-03-02T18:00:00'), china2026)).toBe(0)
  })
})

describe('chinaDays', () => {
  it('spans whole China-time days, from 00:00 of the first to the last millisecond of the last', () => {
    expect(chinaDays('2026-03-01', '2026-03-31')).toEqual({
      from: new Date('2026-02-28T16:00:00.000Z'),
      to: new Date('2026-03-31T15:59:59.999Z'),
    })
  })
})

describe('day arithmetic without dayjs (the deadline path of every submission)', () => {
  it('agrees with isWorkingDay on every day of 2025–2027, at China midnight whatever the instant', () => {
    const hour = 3_600_000
    const start = cst('2025-01-01T00:00:00').getTime()
    for (let instant = start; instant < cst('2028-01-01T00:00:00').getTime(); instant += 24 * hour) {
      // 00:00, 07:59 and 23:59 China time fall on UTC's previous day, its same day, and its next hour.
      for (const offset of [0, 8 * hour - 60_000, 24 * hour - 60_000]) {
        const at = instant + offset
        expect(chinaMidnight(at)).toBe(chinaDate(new Date(at)).startOf('day').valueOf())
        expect(isWorkingDayAt(chinaMidnight(at), china2026)).toBe(
          isWorkingDay(chinaDate(new Date(at)), china2026),
        )
      }
    }
  })

  it('counts working days into a provisional year and from a late-evening receipt', () => {
    // 23:30 CST on Wednesday 30 December 2026 (15:30 UTC): 31 Dec is day 1, 1 January 2027 a
    // provisional holiday, the weekend rests, so day 2 is Monday 4 January.
    expect(fmt(endOfNthWorkingDay(cst('2026-12-30T23:30:00'), 2, china2026))).toBe('2027-01-04 23:59:59')
    // 00:10 CST on a Saturday (Friday in UTC) still counts from Saturday: Monday is day 1.
    expect(fmt(endOfNthWorkingDay(cst('2026-03-07T00:10:00'), 1, china2026))).toBe('2026-03-09 23:59:59')
  })
})

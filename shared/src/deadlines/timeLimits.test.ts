import { describe, expect, it } from 'vitest'
import { china2026 } from '../calendar/china2026'
import { chinaDate } from '../calendar/workingDays'
import { acceptDeadline, answerDeadline, defaultTimeLimits, expectedAnswerBy, timeState } from './timeLimits'

const cst = (text: string) => new Date(`${text}+08:00`)
const fmt = (date: Date) => chinaDate(date).format('YYYY-MM-DD HH:mm')

describe('time limits', () => {
  it('signing for is due 2 office hours after dispatch, or 2 natural hours when set to all hours', () => {
    const sent = cst('2026-03-06T17:30:00') // Friday, the office just closed
    expect(fmt(acceptDeadline(sent, defaultTimeLimits, china2026, { urgency: 'general' }))).toBe(
      '2026-03-09 11:00',
    )
    const allHours = { ...defaultTimeLimits, signForClock: 'allHours' as const }
    expect(fmt(acceptDeadline(sent, allHours, china2026, { urgency: 'general' }))).toBe('2026-03-06 19:30')
  })

  it('emergencies and utilities count natural hours, across weekends and holidays', () => {
    expect(fmt(answerDeadline(cst('2026-10-01T08:00:00'), 'emergency', defaultTimeLimits, china2026))).toBe(
      '2026-10-01 10:00',
    )
    expect(fmt(answerDeadline(cst('2026-03-07T08:00:00'), 'utility', defaultTimeLimits, china2026))).toBe(
      '2026-03-08 08:00',
    )
  })

  it('general and complex cases count working days', () => {
    expect(fmt(answerDeadline(cst('2026-03-02T10:00:00'), 'general', defaultTimeLimits, china2026))).toBe(
      '2026-03-11 23:59',
    )
    // 15 working days from Mon 21 Sep: 22,23,24,28,29,30 (6), Oct 8,9,10,12,13,14,15,16,19 (15)
    expect(fmt(answerDeadline(cst('2026-09-21T10:00:00'), 'complex', defaultTimeLimits, china2026))).toBe(
      '2026-10-19 23:59',
    )
  })

  it('tells the resident the expected answer time at submission', () => {
    // submitted Friday 22:30 → sign-for due Monday 11:00 (office hours) → 7 working days from Monday
    expect(fmt(expectedAnswerBy(cst('2026-03-06T22:30:00'), 'general', defaultTimeLimits, china2026))).toBe(
      '2026-03-18 23:59',
    )
  })

  it('is on time, then warning after 80% of the time, then overdue', () => {
    const start = cst('2026-03-02T00:00:00')
    const due = cst('2026-03-02T10:00:00')
    expect(timeState(cst('2026-03-02T07:00:00'), start, due, 0.8).state).toBe('on_time')
    expect(timeState(cst('2026-03-02T08:00:00'), start, due, 0.8).state).toBe('warning')
    const late = timeState(cst('2026-03-02T10:00:01'), start, due, 0.8)
    expect(late.state).toBe('overdue')
    expect(late.msLeft).toBe(-1000)
  })
})

import { describe, expect, it } from 'vitest'
import { china2026 } from '../calendar/china2026'
import { chinaDate } from '../calendar/workingDays'
import { acceptDeadline, defaultTimeLimits, timeState } from './timeLimits'

const cst = (text: string) => new Date(`${text}+08:00`)
const fmt = (date: Date) => chinaDate(date).format('YYYY-MM-DD HH:mm')
const signFor = (sent: string, urgency: 'general' | 'emergency' = 'general', unitId?: string) =>
  fmt(acceptDeadline(cst(sent), defaultTimeLimits, china2026, { urgency, unitId }))

describe('the sign-for limit counts office hours by default', () => {
  it('a case sent 22:30 on 1 October (National Day) is not overdue at 09:00 on 2 October', () => {
    const sent = cst('2026-10-01T22:30:00')
    const due = acceptDeadline(sent, defaultTimeLimits, china2026, { urgency: 'general' })
    // 2–7 October are holidays: the two office hours are 09:00–11:00 on Thursday 8 October.
    expect(fmt(due)).toBe('2026-10-08 11:00')
    expect(timeState(cst('2026-10-02T09:00:00'), sent, due, defaultTimeLimits.warnShare).state).toBe(
      'on_time',
    )
  })

  it('a night submission is due two office hours into the next working morning', () => {
    expect(signFor('2026-03-03T22:30:00')).toBe('2026-03-04 11:00') // Tuesday night → Wednesday
    expect(signFor('2026-03-04T06:00:00')).toBe('2026-03-04 11:00') // before opening
  })

  it('skips the lunch break', () => {
    expect(signFor('2026-03-04T11:00:00')).toBe('2026-03-04 14:30') // 1 h before noon, 1 h after 13:30
    expect(signFor('2026-03-04T12:15:00')).toBe('2026-03-04 15:30') // sent during lunch
  })

  it('carries over a weekend', () => {
    expect(signFor('2026-03-06T16:30:00')).toBe('2026-03-09 10:00') // Friday 16:30 → Monday 10:00
    expect(signFor('2026-03-07T10:00:00')).toBe('2026-03-09 11:00') // sent on Saturday
  })

  it('counts a make-up working Saturday (调休) as a working day', () => {
    // Friday 9 October 17:00: 30 minutes left that day, then Saturday 10 October is a working day.
    expect(signFor('2026-10-09T17:00:00')).toBe('2026-10-10 10:30')
  })

  it('emergencies keep the 24 × 7 clock', () => {
    expect(signFor('2026-10-01T22:30:00', 'emergency')).toBe('2026-10-02 00:30')
  })

  it('a unit may keep its own office hours; a 24 × 7 setting restores natural hours', () => {
    const limits = {
      ...defaultTimeLimits,
      unitOfficeHours: { hotline: { periods: [{ from: '08:00', to: '20:00' }] } },
    }
    expect(
      fmt(
        acceptDeadline(cst('2026-03-04T19:00:00'), limits, china2026, {
          urgency: 'general',
          unitId: 'hotline',
        }),
      ),
    ).toBe('2026-03-05 09:00')
    expect(fmt(acceptDeadline(cst('2026-03-04T19:00:00'), limits, china2026, { urgency: 'general' }))).toBe(
      '2026-03-05 11:00',
    )
    const natural = { ...defaultTimeLimits, signForClock: 'allHours' as const }
    expect(fmt(acceptDeadline(cst('2026-10-01T22:30:00'), natural, china2026, { urgency: 'general' }))).toBe(
      '2026-10-02 00:30',
    )
  })
})

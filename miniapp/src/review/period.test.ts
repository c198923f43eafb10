import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { percent, periodDays } from './period'

describe('statistics periods', () => {
  it('gives whole months and the year, and prints rates with a dash for nothing to divide', () => {
    const today = dayjs('2026-03-15')
    expect(periodDays('thisMonth', today)).toEqual({ from: '2026-03-01', to: '2026-03-31' })
    expect(periodDays('lastMonth', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodDays('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
    expect(percent(2 / 3)).toBe('66.7%')
    expect(percent(null)).toBe('—')
  })
})

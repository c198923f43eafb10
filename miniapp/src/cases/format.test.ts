import { describe, expect, it } from 'vitest'
import { formatChinaTime, formatDeadline, formatTimeLeft } from './format'

describe('case formatting', () => {
  it('shows deadlines in China time', () => {
    expect(formatDeadline('2026-03-11T15:59:59.999Z')).toBe('3月11日 23:59')
    expect(formatDeadline(null)).toBe('—')
  })

  it('says how long is left, or how late', () => {
    expect(formatTimeLeft({ state: 'on_time', msLeft: (2 * 1440 + 3 * 60) * 60_000 })).toBe('剩余2天3小时')
    expect(formatTimeLeft({ state: 'overdue', msLeft: -5 * 3_600_000 })).toBe('超期5小时0分')
    expect(formatTimeLeft({ state: 'warning', msLeft: 20 * 60_000 })).toBe('剩余20分钟')
  })

  it('formats a time in China time with the year, whatever the zone', () => {
    expect(formatChinaTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30')
    expect(formatChinaTime(null)).toBe('—')
  })
})

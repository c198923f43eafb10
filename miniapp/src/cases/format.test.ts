import { describe, expect, it } from 'vitest'
import { flattenCategories, formatDeadline, formatTimeLeft } from './format'

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

  it('flattens the category tree into leaf labels', () => {
    const tree = [
      {
        code: 'culture',
        name: '文化服务',
        children: [{ code: 'culture.library', name: '农家书屋', children: [] }],
      },
      { code: 'other', name: '其他', children: [] },
    ]
    expect(flattenCategories(tree)).toEqual([
      { code: 'culture.library', label: '文化服务 / 农家书屋' },
      { code: 'other', label: '其他' },
    ])
  })
})

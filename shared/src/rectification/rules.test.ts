import { describe, expect, it } from 'vitest'
import { chineseNumber, rectificationHeadline, rectificationOverdue } from './rules'

describe('rectification report rules', () => {
  it('writes the headline the way the seeds do', () => {
    expect(rectificationHeadline({ aspects: 3, items: 17, problems: 43, closed: 5 })).toBe(
      '三方面17项43个问题，已整改完成5个',
    )
    expect([1, 10, 12, 20, 47].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '四十七'])
  })
  it('counts a problem overdue from the day after its deadline (China time), never once struck off', () => {
    const open = { status: 'open', deadline: '2026-03-31' }
    expect(rectificationOverdue(open, new Date('2026-03-31T23:59:00+08:00'))).toBe(false)
    expect(rectificationOverdue(open, new Date('2026-04-01T00:00:00+08:00'))).toBe(true)
    expect(rectificationOverdue({ ...open, status: 'closed' }, new Date('2026-05-01T00:00:00+08:00'))).toBe(
      false,
    )
  })
})

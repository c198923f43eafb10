import { describe, expect, it } from 'vitest'
import { repeatDeadline, sameMatter } from './rules'

describe('sameMatter (信访积案)', () => {
  const earlier = {
    categoryCode: 'housing.property',
    title: '小区物业不作为',
    description: '楼道灯坏了三个月没人修',
  }
  it('matches the same category, or another category with a similar text, and nothing else', () => {
    expect(sameMatter({ ...earlier, title: '又来反映', description: '完全不同的描述内容' }, earlier)).toBe(
      'sameCategory',
    )
    expect(sameMatter({ ...earlier, categoryCode: 'other' }, earlier)).toBe('similarText')
    expect(
      sameMatter(
        { categoryCode: 'culture.library', title: '书屋不开门', description: '希望恢复开放' },
        earlier,
      ),
    ).toBeNull()
  })
  it('gives 60 days to settle (信访工作条例 第三十五条)', () => {
    expect(repeatDeadline(new Date('2026-03-01T00:00:00Z')).toISOString()).toBe('2026-04-30T00:00:00.000Z')
  })
})

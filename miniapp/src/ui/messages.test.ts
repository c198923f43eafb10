import { describe, expect, it } from 'vitest'
import { chinese } from './messages'

describe('chinese', () => {
  it('keeps only the Chinese half of a bilingual schema message', () => {
    expect(chinese('请输入11位手机号 / Enter an 11-digit phone number')).toBe('请输入11位手机号')
  })

  it('also when the Chinese half ends in a full-width bracket with no space before the slash', () => {
    expect(chinese('请描述具体情况（至少5个字）/ Describe it in at least 5 characters')).toBe(
      '请描述具体情况（至少5个字）',
    )
  })

  it('leaves a Chinese-only message and a slash inside Chinese text alone', () => {
    expect(chinese('提交成功')).toBe('提交成功')
    expect(chinese('水/电/气')).toBe('水/电/气')
  })
})

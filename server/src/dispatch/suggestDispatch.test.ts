import { describe, expect, it } from 'vitest'
import { modelReason } from './suggestDispatch'

describe('modelReason', () => {
  it('names the words, the unit and a confidence below 1, as the case shows it', () => {
    expect(modelReason({ name: '住建局', score: 0.996, terms: ['楼上', '漏水'] })).toBe(
      '模型: 关键词 楼上、漏水 → 住建局, 置信度 0.99',
    )
    expect(modelReason({ name: '住建局', score: 0.972, terms: [] })).toBe(
      '模型: 整体文本 → 住建局, 置信度 0.97',
    )
  })
})

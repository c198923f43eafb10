import { describe, expect, it } from 'vitest'
import { modelReason, shownScore } from './suggestDispatch'

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

describe('shownScore', () => {
  it('never shows certainty: 0.996 is shown as 0.99, lower scores as they are', () => {
    expect(shownScore(0.996).toFixed(2)).toBe('0.99')
    expect(shownScore(0.42)).toBe(0.42)
  })
})

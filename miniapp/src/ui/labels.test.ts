import { describe, expect, it } from 'vitest'
import { categoryName, readableRoutingReason } from './labels'

const categories = [
  { code: 'culture', name: '文化服务', children: [{ code: 'culture.facility', name: '文化设施' }] },
  { code: 'housing', name: '住房物业', children: [] },
]

describe('names instead of internal codes', () => {
  it('names a category by its code, children included', () => {
    expect(categoryName('culture.facility', categories)).toBe('文化设施')
    expect(categoryName('housing', categories)).toBe('住房物业')
  })

  it('falls back to the shipped category names when the tree is not loaded', () => {
    expect(categoryName('culture.facility')).toBe('文化设施')
  })

  it('turns the stored routing reason into words a resident reads', () => {
    expect(readableRoutingReason('规则「文化设施类交文旅局」：分类 culture.facility', categories)).toBe(
      '规则「文化设施类交文旅局」：分类「文化设施」',
    )
    expect(
      readableRoutingReason('规则「区域」：分类 housing，位于区域 64b7f0c2a1b2c3d4e5f60718', categories),
    ).toBe('规则「区域」：分类「住房物业」，位于规则所设区域')
  })
})

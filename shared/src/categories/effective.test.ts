import { describe, expect, it } from 'vitest'
import { effectiveCategories, tenantCategoryCode, type CategoryRow } from './effective'

const row = (code: string, extra: Partial<CategoryRow> = {}): CategoryRow => ({
  code,
  name: code,
  parentCode: code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null,
  order: 0,
  enabled: true,
  tenantId: null,
  ...extra,
})

describe('categories per district', () => {
  const rows = [
    row('roads', { order: 2 }),
    row('roads.lights'),
    row('culture', { order: 1 }),
    row('culture.library'),
    row('culture.hedong_opera', { tenantId: 'B' }),
    row('culture.default_square', { tenantId: 'A' }),
    row('hedong_river', { tenantId: 'B', order: 3 }),
    row('hedong_river.bank', { tenantId: 'B' }),
    row('old', { enabled: false }),
    row('old.child'),
  ]
  const codes = (tenant: string, hidden: string[] = []) =>
    effectiveCategories(rows, tenant, new Set(hidden)).map((item) => item.code)

  it('offers the city tree plus the district’s own, in tree order, never another district’s', () => {
    expect(codes('B')).toEqual([
      'culture',
      'culture.hedong_opera',
      'culture.library',
      'roads',
      'roads.lights',
      'hedong_river',
      'hedong_river.bank',
    ])
    expect(codes('A')).toEqual([
      'culture',
      'culture.default_square',
      'culture.library',
      'roads',
      'roads.lights',
    ])
  })

  it('drops a hidden city category with everything under it, for that district only', () => {
    expect(codes('B', ['culture'])).toEqual(['roads', 'roads.lights', 'hedong_river', 'hedong_river.bank'])
    expect(codes('B', ['roads.lights'])).not.toContain('roads.lights')
    expect(codes('A')).toContain('culture')
  })

  it('drops the children of a retired parent', () => {
    expect(codes('A')).not.toContain('old.child')
  })

  it('makes district codes that carry the district once', () => {
    expect(tenantCategoryCode({ tenantCode: 'hedong', part: 'opera', parent: null })).toBe('hedong_opera')
    expect(
      tenantCategoryCode({
        tenantCode: 'hedong',
        part: 'opera',
        parent: { code: 'culture', tenantId: null },
      }),
    ).toBe('culture.hedong_opera')
    expect(
      tenantCategoryCode({
        tenantCode: 'hedong',
        part: 'bank',
        parent: { code: 'hedong_river', tenantId: 'B' },
      }),
    ).toBe('hedong_river.bank')
  })
})

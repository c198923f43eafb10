import { describe, expect, it } from 'vitest'
import { resolveRouting, type RoutingRule } from './resolve'

const rule = (props: Partial<RoutingRule> & { id: string; unitId: string }): RoutingRule => ({
  name: props.id,
  priority: 100,
  categoryCodes: [],
  areaUnitIds: [],
  keywords: [],
  enabled: true,
  ...props,
})

const input = (props: Partial<Parameters<typeof resolveRouting>[1]> = {}) => ({
  categoryCode: 'culture.library',
  text: '农家书屋长期不开门',
  containingUnits: [],
  ...props,
})

describe('resolveRouting', () => {
  it('matches by category, including sub-categories', () => {
    const decision = resolveRouting(
      [rule({ id: 'r1', unitId: 'u-culture', categoryCodes: ['culture'] })],
      input(),
    )
    expect(decision).toMatchObject({ kind: 'rule', unitId: 'u-culture', ruleId: 'r1' })
    expect(decision.reason).toContain('culture.library')
  })

  it('matches by area (the point lies in the unit polygon)', () => {
    const rules = [rule({ id: 'r-area', unitId: 'u-street-team', areaUnitIds: ['grid-7'] })]
    expect(resolveRouting(rules, input({ containingUnits: [{ id: 'grid-7', level: 'grid' }] })).unitId).toBe(
      'u-street-team',
    )
    expect(resolveRouting(rules, input({ containingUnits: [{ id: 'grid-8', level: 'grid' }] })).kind).toBe(
      'dispatchCentre',
    )
  })

  it('matches by keyword, case-insensitively', () => {
    const rules = [rule({ id: 'r-kw', unitId: 'u-net', keywords: ['网吧', 'WiFi'] })]
    expect(resolveRouting(rules, input({ categoryCode: 'other', text: '小区wifi信号差' })).unitId).toBe(
      'u-net',
    )
  })

  it('requires every condition a rule sets', () => {
    const rules = [rule({ id: 'r', unitId: 'u', categoryCodes: ['culture'], keywords: ['网吧'] })]
    expect(resolveRouting(rules, input()).kind).toBe('dispatchCentre')
    expect(resolveRouting(rules, input({ text: '网吧噪音' })).kind).toBe('rule')
  })

  it('lets the lowest priority number win and ignores disabled rules', () => {
    const rules = [
      rule({ id: 'late', unitId: 'u-late', priority: 50, categoryCodes: ['culture'] }),
      rule({ id: 'early', unitId: 'u-early', priority: 10, categoryCodes: ['culture'] }),
      rule({ id: 'off', unitId: 'u-off', priority: 1, categoryCodes: ['culture'], enabled: false }),
    ]
    expect(resolveRouting(rules, input()).ruleId).toBe('early')
  })

  it('falls back to the street government the case lies in (兜底), then the district', () => {
    const containing = [
      { id: 'grid-1', level: 'grid' },
      { id: 'street-1', level: 'street' },
      { id: 'district-1', level: 'district' },
    ]
    expect(resolveRouting([], input({ containingUnits: containing }))).toMatchObject({
      kind: 'areaFallback',
      unitId: 'street-1',
    })
    expect(resolveRouting([], input({ containingUnits: [containing[2]!] }))).toMatchObject({
      unitId: 'district-1',
    })
  })

  it('with no rule and no area, queues the case at the dispatch centre', () => {
    expect(resolveRouting([], input())).toEqual({
      kind: 'dispatchCentre',
      unitId: null,
      ruleId: null,
      reason: '无匹配规则且位置不明，进入派单中心人工派单',
    })
  })
})

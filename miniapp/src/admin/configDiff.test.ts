import { describe, expect, it } from 'vitest'
import { configAction, configDiff } from './configDiff'

describe('configDiff', () => {
  it('lists only the fields that changed, before → after, in words an admin reads', () => {
    expect(
      configDiff(
        { id: 'u1', name: '文旅局', disabled: false, path: ['a'] },
        { id: 'u1', name: '文旅局', disabled: true, path: ['a'] },
      ),
    ).toEqual(['状态：启用 → 停用'])
  })

  it('names roles, levels and units instead of their codes and ids', () => {
    const unitName = (id: string) => ({ u1: '幸福社区', u2: '幸福街道' })[id]
    expect(
      configDiff(
        { role: 'staff', positionLevel: 'cadre', unitId: 'u1', level: 'community' },
        { role: 'leader', positionLevel: 'unitLeader', unitId: 'u2', level: 'street' },
        unitName,
      ),
    ).toEqual([
      '角色：干部/网格员 → 领导',
      '职务层级：干部 → 单位领导',
      '单位：幸福社区 → 幸福街道',
      '层级：社区/村 → 街道/乡镇',
    ])
  })

  it('lists a creation’s fields and cuts long values', () => {
    expect(configDiff(null, { id: 'x', name: '规则一', keywords: 'a'.repeat(60) })).toEqual([
      '名称：规则一',
      `关键词：${'a'.repeat(40)}…`,
    ])
  })
})

describe('configAction', () => {
  it('calls an update that only switches an account off or on 停用 / 启用', () => {
    expect(configAction({ action: 'update', before: { disabled: false }, after: { disabled: true } })).toBe(
      '停用',
    )
    expect(configAction({ action: 'update', before: { disabled: true }, after: { disabled: false } })).toBe(
      '启用',
    )
    expect(configAction({ action: 'update', before: { name: 'a' }, after: { name: 'b' } })).toBe('修改')
    expect(configAction({ action: 'create', before: null, after: {} })).toBe('新增')
  })
})

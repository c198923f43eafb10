import { describe, expect, it } from 'vitest'
import { residentRoutingText } from './routingForResident'

describe('派单依据 for a resident', () => {
  it('says what is happening in plain words, never the staff reason', () => {
    // Stored for staff: "无匹配规则且位置不明，进入派单中心人工派单".
    expect(residentRoutingText({ kind: 'dispatchCentre', unitId: null })).toBe('正在为您确定承办单位')
    expect(residentRoutingText({ kind: 'rule', unitId: 'u1' })).toBe('按您反映的问题类别，交给负责的单位办理')
    expect(residentRoutingText({ kind: 'areaFallback', unitId: 'u1' })).toBe(
      '按问题发生的地点，交给属地街道（乡镇）办理',
    )
    expect(residentRoutingText({ kind: 'manual', unitId: 'u1' })).toBe('已由工作人员交给负责的单位办理')
    for (const kind of ['rule', 'model', 'areaFallback', 'manual', 'dispatchCentre', 'import'])
      expect(residentRoutingText({ kind, unitId: kind === 'dispatchCentre' ? null : 'u1' })).not.toMatch(
        /规则|派单中心|人工|[a-z]{3,}/,
      )
  })
})

import { describe, expect, it } from 'vitest'
import { parseOutline } from './parseOutline'

describe('parseOutline', () => {
  it('reads 方面 → 项 → 问题 from the outline a campaign office types', () => {
    const defaults = {
      responsibleLeaderId: 'a'.repeat(24),
      leadUnitId: 'b'.repeat(24),
      measures: '措施',
      target: '目标',
      deadline: '2026-06-30',
    }
    const aspects = parseOutline(
      '一、政治建设方面\n1. 学习不深入\n- 理论学习走过场\n- 学习笔记不全\n（2）落实不到位\n· 部署不及时\n二、作风方面\n1、服务意识\n- 推诿扯皮',
      defaults,
    )
    expect(
      aspects.map((aspect) => [aspect.title, aspect.items.map((item) => [item.title, item.problems.length])]),
    ).toEqual([
      [
        '政治建设方面',
        [
          ['学习不深入', 2],
          ['落实不到位', 1],
        ],
      ],
      ['作风方面', [['服务意识', 1]]],
    ])
    expect(aspects[0]!.items[0]!.problems[0]).toEqual({ ...defaults, description: '理论学习走过场' })
  })
})

import { describe, expect, it } from 'vitest'
import { configDiff } from './configDiff'

describe('configDiff', () => {
  it('lists only the fields that changed, before → after', () => {
    expect(
      configDiff(
        { id: 'u1', name: '文旅局', disabled: false, path: ['a'] },
        { id: 'u1', name: '文旅局', disabled: true, path: ['a'] },
      ),
    ).toEqual(['disabled: false → true'])
  })

  it('lists a creation’s fields and cuts long values', () => {
    expect(configDiff(null, { id: 'x', name: '规则一', keywords: 'a'.repeat(60) })).toEqual([
      'name: 规则一',
      `keywords: ${'a'.repeat(40)}…`,
    ])
  })
})

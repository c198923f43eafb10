import { describe, expect, it } from 'vitest'
import { cleanInput, withoutControlCharacters } from './controlCharacters'

describe('control characters in input', () => {
  it('are dropped, keeping tabs, new lines and every printable character', () => {
    expect(withoutControlCharacters('bell\u0007 nul\u0000 esc\u001b del\u007f\ttab\nline\r\n中文 😀')).toBe(
      'bell nul esc del\ttab\nline\r\n中文 😀',
    )
  })
  it('are dropped from every string of a parsed body, nested', () => {
    expect(cleanInput({ a: 'x\u0000', b: ['y\u0001', { c: 'z\u000c' }], n: 3, t: true, nil: null })).toEqual({
      a: 'x',
      b: ['y', { c: 'z' }],
      n: 3,
      t: true,
      nil: null,
    })
  })
})

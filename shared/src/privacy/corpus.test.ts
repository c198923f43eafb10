import { describe, expect, it } from 'vitest'
import { ordinary, personal } from './corpus'
import { stripPersonalData } from './stripPersonalData'

describe('stripPersonalData on the corpus', () => {
  it('holds at least 200 examples', () => {
    expect(personal.length + ordinary.length).toBeGreaterThanOrEqual(200)
  })

  it.each(personal)('removes the personal data from %s', (input, publicText) => {
    expect(stripPersonalData(input)).toBe(publicText)
  })

  it.each(ordinary.map((text) => [text]))('leaves %s as written', (text) => {
    expect(stripPersonalData(text)).toBe(text)
  })
})

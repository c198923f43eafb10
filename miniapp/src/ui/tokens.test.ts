import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contrastRatio } from './contrast'
import { colours, textPairs, touchTarget, typeScale } from './tokens'

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

describe('design tokens', () => {
  it('computes WCAG contrast as the specification does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
  })

  it.each(textPairs)('%s on %s reaches 4.5 : 1', (text, background) => {
    expect(contrastRatio(colours[text], colours[background])).toBeGreaterThanOrEqual(4.5)
  })

  it('keeps 长辈模式 text at 18 CSS px or more and targets at 60 (design px are twice CSS px)', () => {
    for (const size of Object.values(typeScale.elder)) expect(size / 2).toBeGreaterThanOrEqual(18)
    expect(touchTarget.elder / 2).toBeGreaterThanOrEqual(60)
  })

  it('tokens.css declares the same colours as tokens.ts', () => {
    const css = readFileSync(path.join(__dirname, 'tokens.css'), 'utf8')
    const normal = css.slice(0, css.indexOf('.mq-page.mq-elder'))
    for (const [name, value] of Object.entries(colours))
      expect(normal, name).toContain(`--mq-colour-${kebab(name)}: ${value};`)
  })
})

import type { Page } from 'playwright-core'

/** One element that misses a MIIT 适老化 figure in 长辈模式. */
export interface ElderMiss {
  what: string
  text: string
  value: number
  rule: string
}

/**
 * Measures, in the page itself, every visible text, input and button of the shown Taro page
 * against the MIIT 适老化 figures for the elder mode: text ≥ 18 px, line height ≥ 1.3 ×,
 * contrast ≥ 4.5 : 1 against the background the text actually sits on, touch targets ≥ 60 × 60.
 * Returns what misses, so a failing test names the element and its figure.
 */
export function auditElderMode(page: Page): Promise<{ measured: number; misses: ElderMiss[] }> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number]
    const parse = (value: string): Rgba | null => {
      const match = value.match(/rgba?\(([^)]+)\)/)
      if (!match) return null
      const parts = match[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number)
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1]
    }
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    const blend = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3]
      return [
        top[0] * a + bottom[0] * (1 - a),
        top[1] * a + bottom[1] * (1 - a),
        top[2] * a + bottom[2] * (1 - a),
        1,
      ]
    }
    // The colour behind an element: the first opaque-ish background up the tree; a gradient
    // counts as its darkest stop would flatter light text, so take its first colour stop.
    const backgroundOf = (element: Element): Rgba => {
      const layers: Rgba[] = []
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        const image = style.backgroundImage
        if (image && image !== 'none') {
          const stop = parse(image)
          if (stop) {
            layers.push(stop)
            break
          }
        }
        const colour = parse(style.backgroundColor)
        if (colour && colour[3] > 0) {
          layers.push(colour)
          if (colour[3] >= 1) break
        }
      }
      let result: Rgba = [255, 255, 255, 1]
      for (const layer of layers.reverse()) result = blend(layer, result)
      return result
    }
    const contrast = (a: Rgba, b: Rgba) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
      return (light! + 0.05) / (dark! + 0.05)
    }
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) return false
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node)
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0)
          return false
      }
      return true
    }
    const page = Array.from(document.querySelectorAll('.taro_page')).find(
      (node) => getComputedStyle(node).display !== 'none',
    )
    const root = page ?? document.body
    const misses: { what: string; text: string; value: number; rule: string }[] = []
    let measured = 0
    const label = (element: Element) =>
      `${element.tagName.toLowerCase()}.${Array.from(element.classList).slice(0, 2).join('.')}`

    const texts = Array.from(root.querySelectorAll('*')).filter(
      (element) =>
        shown(element) &&
        Array.from(element.childNodes).some((node) => node.nodeType === 3 && node.textContent!.trim() !== ''),
    )
    for (const element of texts) {
      measured++
      const style = getComputedStyle(element)
      const text = element.textContent!.trim().slice(0, 20)
      const size = parseFloat(style.fontSize)
      if (size < 18) misses.push({ what: label(element), text, value: size, rule: 'font ≥ 18 px' })
      const lineHeight = style.lineHeight === 'normal' ? 0 : parseFloat(style.lineHeight)
      if (lineHeight < size * 1.3)
        misses.push({ what: label(element), text, value: lineHeight / size, rule: 'line height ≥ 1.3' })
      const colour = parse(style.color)!
      const background = backgroundOf(element)
      const ratio = contrast(blend(colour, background), background)
      if (ratio < 4.5) misses.push({ what: label(element), text, value: ratio, rule: 'contrast ≥ 4.5' })
    }

    const controls = Array.from(
      root.querySelectorAll('.nut-button, button, input, textarea, .nut-input, .mq-chip'),
    ).filter((element) => shown(element) && !(element as HTMLInputElement).type?.match(/^(file|hidden)$/))
    for (const element of controls) {
      measured++
      const box = element.getBoundingClientRect()
      const text = (element.textContent ?? '').trim().slice(0, 20)
      const tap = element.closest('.nut-input, .nut-textarea, .nut-button, .mq-chip') ?? element
      const tapBox = tap.getBoundingClientRect()
      const height = Math.max(box.height, tapBox.height)
      const width = Math.max(box.width, tapBox.width)
      if (height < 60 || width < 60)
        misses.push({ what: label(element), text, value: Math.min(height, width), rule: 'target ≥ 60 × 60' })
      if (element.matches('input, textarea')) {
        const own = getComputedStyle(element)
        if (parseFloat(own.fontSize) < 18)
          misses.push({ what: label(element), text, value: parseFloat(own.fontSize), rule: 'font ≥ 18 px' })
        const placeholder = getComputedStyle(element, '::placeholder')
        if ((element as HTMLInputElement).placeholder && parseFloat(placeholder.fontSize) < 18)
          misses.push({
            what: `${label(element)}::placeholder`,
            text: (element as HTMLInputElement).placeholder.slice(0, 20),
            value: parseFloat(placeholder.fontSize),
            rule: 'font ≥ 18 px',
          })
        const background = backgroundOf(element)
        const placeholderColour = parse(placeholder.color)
        if ((element as HTMLInputElement).placeholder && placeholderColour) {
          const ratio = contrast(blend(placeholderColour, background), background)
          if (ratio < 4.5)
            misses.push({
              what: `${label(element)}::placeholder`,
              text,
              value: ratio,
              rule: 'contrast ≥ 4.5',
            })
        }
      }
    }
    return { measured, misses }
  })
}

import type { RectificationListInput } from '@minqing/shared'

type Aspect = RectificationListInput['aspects'][number]
type Defaults = Omit<Aspect['items'][number]['problems'][number], 'description'>

/**
 * Reads the outline the campaign office types (as in the inspection report): "一、" starts a 方面,
 * "1." or "（1）" an 项, "-" or "·" a 问题. Every problem starts with the same leader, lead unit,
 * measures, target and deadline; each can be changed on its sheet later.
 */
export function parseOutline(text: string, defaults: Defaults): Aspect[] {
  const aspects: Aspect[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) continue
    const aspect = /^[一二三四五六七八九十]+[、.．]\s*(.+)$/.exec(line)
    const item = /^(?:\d+[.．、]|[（(]\d+[)）])\s*(.+)$/.exec(line)
    const problem = /^[-·•]\s*(.+)$/.exec(line)
    if (aspect) aspects.push({ title: aspect[1]!, items: [] })
    else if (item) aspects.at(-1)?.items.push({ title: item[1]!, problems: [] })
    else if (problem)
      aspects
        .at(-1)
        ?.items.at(-1)
        ?.problems.push({ ...defaults, description: problem[1]! })
  }
  return aspects
}

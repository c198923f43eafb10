/**
 * Placeholders (占位符) of reply templates, written {名称} in the text. The list is closed: an
 * unknown name is refused when the template is saved, so a handler never sends "{责任部门}" to a
 * resident because an admin misspelt it.
 */
export const replyPlaceholders = [
  '案件编号',
  '责任单位',
  '分类',
  '签收时限',
  '办理时限',
  '时限标准',
  '反映人称呼',
] as const
export type ReplyPlaceholder = (typeof replyPlaceholders)[number]
export type PlaceholderValues = Partial<Record<ReplyPlaceholder, string>>

/** What each placeholder becomes when the case does not know it (yet): still a readable sentence. */
const fallbacks: Record<ReplyPlaceholder, string> = {
  案件编号: '本诉求',
  责任单位: '相关单位',
  分类: '相关',
  签收时限: '规定时限',
  办理时限: '规定时限',
  时限标准: '将按规定时限办理',
  反映人称呼: '您',
}

const placeholderPattern = /\{([^{}\s]{1,20})\}/g

/** Every placeholder name written in a text, in order, repeats included. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((match) => match[1]!)
}

/** The placeholder names in a text that the filler does not know (each once). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(replyPlaceholders)
  return [...new Set(placeholdersIn(text).filter((name) => !known.has(name)))]
}

/** Fills a template's placeholders; a value the case lacks becomes its plain-language fallback. */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(placeholderPattern, (whole, name: string) => {
    if (!(replyPlaceholders as readonly string[]).includes(name)) return whole
    const value = values[name as ReplyPlaceholder]
    return value && value.trim() ? value : fallbacks[name as ReplyPlaceholder]
  })
}

const compoundSurnames = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 轩辕 端木 独孤 南宫 西门 申屠 万俟 闻人 澹台 呼延'.split(
    ' ',
  ),
)

/**
 * How a reply addresses the resident without naming them: the family name and 先生/女士
 * ("张先生/女士"), since the gender is not asked. Not a Chinese name → "您".
 */
export function formOfAddress(name: string | null | undefined): string {
  const trimmed = (name ?? '').trim()
  if (!/^[\p{Script=Han}·]{2,}$/u.test(trimmed)) return '您'
  const surname =
    compoundSurnames.has(trimmed.slice(0, 2)) && trimmed.length > 2 ? trimmed.slice(0, 2) : trimmed[0]
  return `${surname}先生/女士`
}

/**
 * Every match of a global pattern, like String.prototype.matchAll (ES2020), which older WeChat
 * JS engines lack; shared code runs in the mini-app too.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = []
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
  for (let match = global.exec(text); match; match = global.exec(text)) {
    found.push(match)
    if (match[0] === '') global.lastIndex += 1
  }
  return found
}

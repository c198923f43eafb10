import { allMatches } from './allMatches'
import { maskAddress } from './mask'
import { stripAddresses } from './addresses'
import { classifyDigits, contextBefore, type NumberKind } from './digits'
import { stripNames } from './names'
import { placeholders } from './placeholders'

/**
 * Full-width digits and letters (１３９, ＡＢ) and the ideographic space become their ASCII
 * forms, so one set of patterns sees every spelling.
 */
function normalize(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ＋－]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[(（](0\d{2,3})[)）][ \t]*(?=\d)/g, '$1-')
}

const numberPlaceholder: Record<NumberKind, string> = {
  mobile: placeholders.mobile,
  landline: placeholders.landline,
  idNumber: placeholders.idNumber,
  bankCard: placeholders.bankCard,
  address: placeholders.address,
}

/** Digits in groups separated by one space or hyphen, an optional "+" before and "X" after. */
const digitRun = /\+?\d+(?:(?:[ \t]?[-‐‑‒–—―−][ \t]?|[ \t])\d+)*[Xx]?/g
const digitGroup = /\d+[Xx]?/g

/**
 * One run may hold several numbers ("139 1234 5678 110101…") or none: the longest span of
 * whole groups that is a personal number is replaced, from the left.
 */
function stripDigitRun(run: string, before: string): string {
  const groups = allMatches(digitGroup, run).map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }))
  let out = ''
  let copied = 0
  let i = 0
  while (i < groups.length) {
    let matched = false
    for (let j = groups.length; j > i; j -= 1) {
      const span = groups.slice(i, j)
      const gaps = run.slice(span[0]!.start, span[span.length - 1]!.end)
      const kind = classifyDigits(
        span.map((group) => group.text).join(''),
        span.map((group) => group.text),
        /[-‐‑‒–—―−]/.test(gaps),
        contextBefore(before + run.slice(0, span[0]!.start)),
      )
      if (!kind) continue
      // A "+" in front of a country code belongs to the number.
      const start = i === 0 && run.startsWith('+') ? 0 : span[0]!.start
      out += run.slice(copied, start) + numberPlaceholder[kind]
      copied = span[span.length - 1]!.end
      i = j
      matched = true
      break
    }
    if (!matched) i += 1
  }
  return out + run.slice(copied)
}

const provinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领'
/** 京A12345, 粤B·D12345 (新能源, 6 after the letter), 苏E1234学. */
const plate = new RegExp(
  `[${provinces}][A-Za-z][ ·•.\\-]?(?:[A-Za-z0-9]{5,6}|[A-Za-z0-9]{4}[挂学警港澳])(?![A-Za-z0-9])`,
  'g',
)
/** WeChat and QQ accounts after their label: 微信号 zhang_san88, QQ：12345678. */
const chatId =
  /(微信号?|vx|VX|wx|WX|QQ号?|qq号?)([ \t]*[:：是为]?[ \t]*)([A-Za-z][-_A-Za-z0-9]{5,19}|\d{5,11})(?![-_A-Za-z0-9])/g
const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

/**
 * Removes the personal data residents and handlers type into free text before it is shown to
 * anyone but the case's own people: mobiles in every spelling (139 1234 5678, +86…, full-width),
 * landlines, ID numbers (18 with check digit or a birth date, and 15-digit old ones), bank cards
 * (Luhn), licence plates, e-mail addresses, WeChat and QQ accounts, names after 我叫/我是/本人/姓名：, and building,
 * unit, room and door numbers. Each becomes a placeholder such as [手机号]; dates, times,
 * prices, case numbers, road names and floors in general are left as written.
 */
export function stripPersonalData(text: string): string {
  let out = normalize(text)
  out = out.replace(plate, (whole) => (/\d/.test(whole.slice(2)) ? placeholders.plate : whole))
  out = out.replace(email, placeholders.email)
  out = out.replace(chatId, (_whole, label: string, gap: string) => `${label}${gap}${placeholders.chatId}`)
  out = out.replace(digitRun, (run: string, offset: number, all: string) =>
    stripDigitRun(run, all.slice(Math.max(0, offset - 12), offset)),
  )
  out = stripNames(out)
  return stripAddresses(out)
}

/** The same for optional values. */
export const stripOptional = (text: string | null | undefined): string | null =>
  text ? stripPersonalData(text) : null

/**
 * An address for public views: the stripped text up to the first removed or numbered piece
 * ("朝阳区幸福路[地址]" → "朝阳区幸福路****"), as maskAddress does for raw addresses.
 */
export function publicAddress(address: string | null | undefined): string | null {
  if (!address) return null
  const stripped = stripPersonalData(address)
  const cut = stripped.search(/[[0-9]/)
  if (cut === -1) return maskAddress(stripped) ?? null
  return `${stripped.slice(0, Math.min(cut, 12))}****`
}

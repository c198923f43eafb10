/**
 * Tells personal numbers from other numbers by their structure: resident ID numbers by their
 * ISO 7064 check digit and birth date, bank cards by the Luhn sum, phones by their numbering
 * plan. Ten lines of arithmetic each, so no library is worth its weight in the mini-app bundle.
 */

export type NumberKind = 'mobile' | 'landline' | 'idNumber' | 'bankCard' | 'address'

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const idCheckChars = '10X98765432'

/** GB 11643: the 18th character is a mod-11 check over the first 17 digits. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * idWeights[i]!
  return idCheckChars[sum % 11] === id[17]!.toUpperCase()
}

/** Region code, then a plausible birth date: YYYYMMDD (18 digits) or YYMMDD (15, before 1999). */
const idShape18 = /^[1-8]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/
const idShape15 = /^[1-8]\d{5}\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}$/

export function isLuhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** What the text just before a number says it is ("电话：", "身份证号", "卡号"). */
export interface NumberContext {
  phone: boolean
  idNumber: boolean
  bankCard: boolean
  home: boolean
}

export const contextBefore = (before: string): NumberContext => {
  const near = before.slice(-10)
  return {
    phone: /(电话|手机|座机|号码|联系|致电|拨打|打给|tel|call)[^0-9]{0,4}$/i.test(near),
    idNumber: /(身份证|证件|身份号|公民号)[^0-9]{0,5}$/.test(near),
    bankCard: /(卡|账号|帐号|银行)[^0-9]{0,5}$/.test(near),
    home: /(住|家在|小区|花园|公寓|苑)[^0-9]{0,2}$/.test(near),
  }
}

/**
 * Classifies one run of digits (separators already removed; `groups` are the pieces as typed,
 * used for the building-unit-room form "5-2-301").
 */
export function classifyDigits(
  digits: string,
  groups: string[],
  hyphenated: boolean,
  context: NumberContext,
): NumberKind | null {
  if (/^(0086|86)?1[3-9]\d{9}$/.test(digits)) return 'mobile'
  if (digits.length === 18 && isValidIdNumber(digits)) return 'idNumber'
  // A region code and a real birth date with a wrong check digit is still an ID, mistyped by one
  // digit: in public text we would rather hide a number too many than one ID.
  if (digits.length === 18 && idShape18.test(digits)) return 'idNumber'
  if (digits.length === 15 && idShape15.test(digits)) return 'idNumber'
  if (context.idNumber && (digits.length === 15 || digits.length === 18)) return 'idNumber'
  if (/^\d{16,19}$/.test(digits) && /^[3-6]/.test(digits) && isLuhnValid(digits)) return 'bankCard'
  if (context.bankCard && /^\d{12,19}$/.test(digits)) return 'bankCard'
  // Area code (010, 02x: 3 digits with 8-digit numbers; others 4 digits with 7–8) and number.
  if (/^0[1-9]\d{8,10}$/.test(digits)) return 'landline'
  if (context.phone && /^[2-9]\d{6,7}$/.test(digits)) return 'landline'
  if (
    hyphenated &&
    groups.length === 3 &&
    /^\d{1,3}$/.test(groups[0]!) &&
    /^\d{1,2}$/.test(groups[1]!) &&
    /^\d{3,4}$/.test(groups[2]!)
  )
    return 'address'
  // Building-flat "3-501" only where a home is being named ("家住3-501"): elsewhere it is a range.
  if (
    context.home &&
    hyphenated &&
    groups.length === 2 &&
    /^\d{1,3}$/.test(groups[0]!) &&
    /^\d{3,4}$/.test(groups[1]!)
  )
    return 'address'
  return null
}

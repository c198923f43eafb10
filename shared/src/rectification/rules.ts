import { chinaDays } from '../calendar/workingDays'

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1–99 in Chinese numerals, as the reports write counts of 方面 ("三方面"). */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99) return String(value)
  if (value < 10) return digits[value]!
  const tens = Math.floor(value / 10)
  const ones = value % 10
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`
}

/** The report's first line: "三方面17项43个问题，已整改完成N个". */
export function rectificationHeadline(totals: {
  aspects: number
  items: number
  problems: number
  closed: number
}) {
  return `${chineseNumber(totals.aspects)}方面${totals.items}项${totals.problems}个问题，已整改完成${totals.closed}个`
}

/** A problem is overdue once its deadline day (China time) has passed without 销号. */
export function rectificationOverdue(problem: { status: string; deadline: string }, now: Date): boolean {
  if (problem.status === 'closed') return false
  return now.getTime() > chinaDays(problem.deadline, problem.deadline).to.getTime()
}

import type { TimeState } from '@minqing/shared'
import { formatTimeLeft } from '../cases/format'

export interface CaseDeadlines {
  acceptBy: string | null
  answerBy: string | null
  ratingBy?: string | null
  expectedAnswerBy: string | null
  /** The deadline the case's time state counts down to: one of the three above. */
  dueAt: string | null
}

/**
 * Which step the running clock is for, so "剩余1小时59分" never stands alone. The one place that
 * decides it: the list chip and the detail page's "what happens next" both ask here.
 */
export function deadlineStep(deadlines: CaseDeadlines): '签收' | '答复' | '评价' {
  if (deadlines.dueAt && deadlines.dueAt === deadlines.acceptBy) return '签收'
  if (deadlines.dueAt && deadlines.dueAt === deadlines.ratingBy) return '评价'
  return '答复'
}

/** "签收剩余 1小时59分", "答复超期 3小时0分": the step, then the time left or over. */
export function deadlineChipText(
  deadlines: CaseDeadlines,
  time: { state: TimeState; msLeft: number } | null,
): string {
  if (!time) return ''
  return `${deadlineStep(deadlines)}${formatTimeLeft(time).replace(/^(剩余|超期)/, '$1 ')}`
}

/** "预计答复 12月11日": a date promised to the resident (China time), not a countdown. */
export function expectedAnswerText(iso: string | null): string {
  if (!iso) return ''
  const china = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return `预计答复 ${china.getUTCMonth() + 1}月${china.getUTCDate()}日`
}

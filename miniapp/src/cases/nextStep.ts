import type { CaseStatus } from '@minqing/shared'
import { deadlineStep, type CaseDeadlines } from '../ui/deadline'
import { formatDeadline, formatTimeLeft } from './format'

export interface NextStepInput {
  status: CaseStatus
  unitName?: string | null
  deadlines: CaseDeadlines
  timeState: { state: 'on_time' | 'warning' | 'overdue'; msLeft: number } | null
}

export interface NextStep {
  /** What happens next and who does it, in one sentence. */
  text: string
  /** The running deadline, saying what it counts down to ("签收期限 12月2日 17:30 · 剩余1小时59分"). */
  deadline: string | null
  tone: 'normal' | 'warning' | 'overdue' | 'done'
}

const awaitingSignature: readonly CaseStatus[] = ['dispatched', 'transferred']
const working: readonly CaseStatus[] = ['accepted', 'in_progress', 'replied', 'reopened']

/**
 * "What happens next and by when", as a person reads a case: one sentence and, when a clock
 * runs, which deadline it is (签收 or 答复), when it falls and how long is left.
 */
export function nextStep(item: NextStepInput): NextStep {
  const unit = item.unitName ?? '承办单位'
  const tone =
    item.timeState?.state === 'overdue'
      ? 'overdue'
      : item.timeState?.state === 'warning'
        ? 'warning'
        : 'normal'
  const running = () =>
    item.deadlines.dueAt
      ? `${deadlineStep(item.deadlines)}期限 ${formatDeadline(item.deadlines.dueAt)}${item.timeState ? ` · ${formatTimeLeft(item.timeState)}` : ''}`
      : null
  if (item.status === 'submitted' || item.status === 'returned')
    return { text: '派单中心正在确定承办单位', deadline: null, tone: 'normal' }
  if (awaitingSignature.includes(item.status)) return { text: `等待${unit}签收`, deadline: running(), tone }
  if (working.includes(item.status))
    return {
      text: item.status === 'reopened' ? `${unit}正在重新办理` : `${unit}正在办理`,
      deadline: running(),
      tone,
    }
  if (item.status === 'resolved')
    return {
      text: '已办结，等待群众评价',
      deadline: item.deadlines.ratingBy ? `评价截止 ${formatDeadline(item.deadlines.ratingBy)}` : null,
      tone: 'normal',
    }
  if (item.status === 'rejected') return { text: '不予受理，理由见办理过程', deadline: null, tone: 'done' }
  return { text: '已销号，办理结束', deadline: null, tone: 'done' }
}

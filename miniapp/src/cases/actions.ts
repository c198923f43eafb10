import { checkTransition, type CaseAction, type CaseStatus, type User } from '@minqing/shared'

export interface ActionSpec {
  action: CaseAction
  label: string
  /** What the text box holds for this action, if it needs one. */
  text?: 'message' | 'reason'
  needsUnit?: boolean
}

const specs: ActionSpec[] = [
  { action: 'dispatch', label: '派单', needsUnit: true },
  { action: 'accept', label: '签收' },
  { action: 'reply', label: '答复', text: 'message' },
  { action: 'resolve', label: '办结', text: 'message' },
  { action: 'transfer', label: '移交', text: 'reason', needsUnit: true },
  { action: 'return', label: '退回派单中心', text: 'reason' },
  { action: 'reject', label: '不予受理', text: 'reason' },
  { action: 'addInfo', label: '补充信息', text: 'message' },
  { action: 'reopen', label: '申请重新办理', text: 'reason' },
  { action: 'close', label: '销号' },
]

const unitActions: readonly CaseAction[] = ['accept', 'reply', 'resolve', 'transfer', 'return']

/**
 * The actions this user can take on this case now: the shared status machine decides by role
 * and status; a handler additionally acts only on cases of their own unit. Rating has its own
 * buttons (满意 / 基本满意 / 不满意).
 */
export function availableActions(
  user: User,
  item: { status: CaseStatus; unitId: string | null; reopenCount: number },
): ActionSpec[] {
  return specs.filter((spec) => {
    if (!checkTransition(item.status, spec.action, user.role).ok) return false
    if (user.role === 'handler' && unitActions.includes(spec.action)) return item.unitId === user.unitId
    if (user.role === 'resident' && spec.action === 'reopen') return item.reopenCount === 0
    return true
  })
}

export const actionLabels: Record<string, string> = {
  submit: '提交诉求',
  dispatch: '派单',
  accept: '签收',
  reply: '答复',
  resolve: '办结',
  transfer: '移交',
  return: '退回',
  reject: '不予受理',
  rate: '评价',
  reopen: '重新办理',
  close: '销号',
  addInfo: '补充信息',
}

import type { CaseAction } from '@minqing/shared'

export interface ActionSpec {
  /** Unique per button (one action can have two buttons, e.g. approve / refuse). */
  key: string
  action: CaseAction
  label: string
  /** What the text box holds for this action, if it needs one. */
  text?: 'message' | 'reason'
  /** Which field the unit picker fills. */
  unit?: 'unitId' | 'unitIds'
  /** Fixed fields of the body (e.g. { approve: true }). */
  fields?: Record<string, unknown>
  /** The working-days box (extension requests). */
  needsDays?: boolean
}

const specs: ActionSpec[] = [
  { key: 'dispatch', action: 'dispatch', label: '派单', unit: 'unitId' },
  { key: 'accept', action: 'accept', label: '签收' },
  { key: 'reply', action: 'reply', label: '答复', text: 'message' },
  { key: 'resolve', action: 'resolve', label: '办结', text: 'message' },
  { key: 'transfer', action: 'transfer', label: '移交', text: 'reason', unit: 'unitId' },
  { key: 'return', action: 'return', label: '退回派单中心', text: 'reason' },
  { key: 'object', action: 'object', label: '提出派单异议', text: 'reason' },
  { key: 'uphold', action: 'ruleObjection', label: '维持原派单', text: 'reason', fields: { uphold: true } },
  {
    key: 'redispatch',
    action: 'ruleObjection',
    label: '改派',
    text: 'reason',
    unit: 'unitId',
    fields: { uphold: false },
  },
  { key: 'addCoUnits', action: 'addCoUnits', label: '邀请协办单位', unit: 'unitIds' },
  { key: 'contribute', action: 'contribute', label: '提交协办意见', text: 'message' },
  { key: 'requestExtension', action: 'requestExtension', label: '申请延期', text: 'reason', needsDays: true },
  { key: 'approveExtension', action: 'decideExtension', label: '同意延期', fields: { approve: true } },
  {
    key: 'refuseExtension',
    action: 'decideExtension',
    label: '不同意延期',
    text: 'reason',
    fields: { approve: false },
  },
  { key: 'reject', action: 'reject', label: '不予受理', text: 'reason' },
  { key: 'addInfo', action: 'addInfo', label: '补充信息', text: 'message' },
  { key: 'reopen', action: 'reopen', label: '申请重新办理', text: 'reason' },
  { key: 'close', action: 'close', label: '销号' },
  { key: 'takeOwnership', action: 'takeOwnership', label: '包案督办' },
  {
    key: 'flagSupervision',
    action: 'flagSupervision',
    label: '挂牌督办',
    text: 'reason',
    fields: { level: 'listed' },
  },
  { key: 'closeSupervision', action: 'closeSupervision', label: '督办销号', text: 'message' },
]

/**
 * Actions the detail page offers through their own controls rather than a button: the rating
 * buttons, the category chips and the duplicate list's 并入此诉求.
 */
export const ownControlActions: readonly CaseAction[] = ['rate', 'recategorize', 'merge']

/**
 * The buttons for a case: exactly the actions the server sent as allowed for this user now
 * (`allowedActions`, decided by the shared abilities module). The client keeps no rules.
 */
export function actionButtons(allowed: readonly CaseAction[]): ActionSpec[] {
  return specs.filter((spec) => allowed.includes(spec.action))
}

/** Every action the page shows a control for, given what the server allows. */
export function shownActions(allowed: readonly CaseAction[]): CaseAction[] {
  const shown = new Set<CaseAction>(actionButtons(allowed).map((spec) => spec.action))
  for (const action of ownControlActions) if (allowed.includes(action)) shown.add(action)
  return [...shown]
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
  object: '派单异议',
  ruleObjection: '异议裁定',
  addCoUnits: '邀请协办',
  contribute: '协办意见',
  requestExtension: '申请延期',
  decideExtension: '延期审批',
  recategorize: '更正分类',
  merge: '并单',
  absorb: '并入重复诉求',
  follow: '群众关注（我也遇到）',
  takeOwnership: '领导包案',
  flagSupervision: '挂牌督办',
  closeSupervision: '督办销号',
  overdue: '超期',
  chase: '催办',
  escalate: '升级督办',
}

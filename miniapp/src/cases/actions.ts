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
  /** The text box's label, saying what to write. */
  textLabel?: string
  /** Cannot be undone: asks for confirmation first (办结, 退回, 移交…). */
  irreversible?: boolean
  /** The step the case waits for: shown as the main button. */
  primary?: boolean
}

const specs: ActionSpec[] = [
  { key: 'dispatch', action: 'dispatch', label: '派单', unit: 'unitId', primary: true },
  { key: 'accept', action: 'accept', label: '签收', primary: true },
  { key: 'reply', action: 'reply', label: '答复', text: 'message', textLabel: '答复内容', primary: true },
  {
    key: 'resolve',
    action: 'resolve',
    label: '办结',
    text: 'message',
    textLabel: '办理结果（群众可见）',
    irreversible: true,
    primary: true,
  },
  {
    key: 'transfer',
    action: 'transfer',
    label: '移交',
    text: 'reason',
    textLabel: '移交理由',
    unit: 'unitId',
    irreversible: true,
  },
  {
    key: 'return',
    action: 'return',
    label: '退回派单中心',
    text: 'reason',
    textLabel: '退回理由',
    irreversible: true,
  },
  { key: 'object', action: 'object', label: '提出派单异议', text: 'reason', textLabel: '异议理由' },
  {
    key: 'uphold',
    action: 'ruleObjection',
    label: '维持原派单',
    text: 'reason',
    textLabel: '裁定理由',
    fields: { uphold: true },
  },
  {
    key: 'redispatch',
    action: 'ruleObjection',
    label: '改派',
    text: 'reason',
    textLabel: '改派理由',
    unit: 'unitId',
    fields: { uphold: false },
  },
  { key: 'addCoUnits', action: 'addCoUnits', label: '邀请协办单位', unit: 'unitIds' },
  { key: 'contribute', action: 'contribute', label: '提交协办意见', text: 'message', textLabel: '协办意见' },
  {
    key: 'requestExtension',
    action: 'requestExtension',
    label: '申请延期',
    text: 'reason',
    textLabel: '延期理由',
    needsDays: true,
  },
  { key: 'approveExtension', action: 'decideExtension', label: '同意延期', fields: { approve: true } },
  {
    key: 'refuseExtension',
    action: 'decideExtension',
    label: '不同意延期',
    text: 'reason',
    textLabel: '不同意的理由',
    fields: { approve: false },
  },
  {
    key: 'reject',
    action: 'reject',
    label: '不予受理',
    text: 'reason',
    textLabel: '不予受理的理由（群众可见）',
    irreversible: true,
  },
  { key: 'addInfo', action: 'addInfo', label: '补充信息', text: 'message', textLabel: '补充说明' },
  { key: 'reopen', action: 'reopen', label: '申请重新办理', text: 'reason', textLabel: '为什么需要重新办理' },
  { key: 'close', action: 'close', label: '销号', irreversible: true },
  { key: 'takeOwnership', action: 'takeOwnership', label: '包案督办' },
  {
    key: 'flagSupervision',
    action: 'flagSupervision',
    label: '挂牌督办',
    text: 'reason',
    textLabel: '督办要求',
    fields: { level: 'listed' },
  },
  {
    key: 'closeSupervision',
    action: 'closeSupervision',
    label: '督办销号',
    text: 'message',
    textLabel: '督办结果（至少10个字）',
    irreversible: true,
  },
]

/** Whether a button can act at once (no field to fill, nothing to confirm). */
export const actsAtOnce = (spec: ActionSpec) =>
  !spec.text && !spec.unit && !spec.needsDays && !spec.irreversible

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
  firstReply: '首次答复（承办单位与办理时限）',
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
  warn: '即将超期预警',
  overdue: '超期',
  chase: '催办',
  escalate: '升级督办',
}

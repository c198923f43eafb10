import type { CaseAction } from '@minqing/shared'

/** Who hears about an action. Pure: the service turns these audiences into user ids. */
export interface Audiences {
  /** The resident who raised the case (public events only). */
  resident: boolean
  /** Handlers of the unit now responsible. */
  unitHandlers: boolean
  /** Leaders of the responsible unit and the units above it. */
  unitLeaders: boolean
  /** The dispatch centre (admins). */
  dispatchCentre: boolean
  /** Handlers of the co-handling (协办) units. */
  coUnitHandlers?: boolean
}

const none: Audiences = { resident: false, unitHandlers: false, unitLeaders: false, dispatchCentre: false }

/**
 * FixMyStreet's lesson: a reopen or "not fixed" must reach the unit and its leader at once.
 * Residents hear about every public step of their case; units about what lands on their desk.
 */
export function audiencesFor(
  action: CaseAction | 'submit',
  context: { routed: boolean; reopened?: boolean; isPublic?: boolean },
): Audiences {
  // Internal notes and internal steps are for staff only: residents never hear of them.
  const audiences = byAction(action, context)
  return context.isPublic === false ? { ...audiences, resident: false } : audiences
}

function byAction(
  action: CaseAction | 'submit',
  context: { routed: boolean; reopened?: boolean },
): Audiences {
  switch (action) {
    case 'submit':
      return context.routed ? { ...none, unitHandlers: true } : { ...none, dispatchCentre: true }
    case 'dispatch':
    case 'transfer':
      return { ...none, resident: true, unitHandlers: true }
    case 'return':
      return { ...none, dispatchCentre: true }
    case 'accept':
    case 'resolve':
    case 'reject':
    case 'close':
      return { ...none, resident: true }
    case 'reply':
      return { ...none, resident: true }
    case 'rate':
      return context.reopened
        ? { ...none, resident: false, unitHandlers: true, unitLeaders: true }
        : { ...none, unitHandlers: true }
    case 'reopen':
      return { ...none, resident: true, unitHandlers: true, unitLeaders: true }
    case 'addInfo':
      return { ...none, unitHandlers: true }
    case 'requestExtension':
      return { ...none, unitLeaders: true }
    case 'decideExtension':
      return { ...none, unitHandlers: true }
    case 'object':
      return { ...none, dispatchCentre: true }
    case 'merge':
      return { ...none, resident: true }
    case 'ruleObjection':
      return { ...none, unitHandlers: true }
    case 'addCoUnits':
      return { ...none, coUnitHandlers: true }
    case 'contribute':
      return { ...none, unitHandlers: true }
    case 'takeOwnership':
    case 'flagSupervision':
    case 'closeSupervision':
      return { ...none, unitHandlers: true, unitLeaders: true }
    case 'recategorize':
      return context.routed ? { ...none, unitHandlers: true } : { ...none, dispatchCentre: true }
  }
}

const titles: Record<CaseAction | 'submit', string> = {
  submit: '新诉求待处理',
  dispatch: '诉求已派单',
  transfer: '诉求已移交',
  return: '诉求被退回派单中心',
  accept: '诉求已签收',
  reply: '诉求有新答复',
  resolve: '诉求已办结，请评价',
  reject: '诉求不予受理',
  close: '诉求已销号',
  rate: '群众已评价',
  reopen: '诉求重新办理',
  addInfo: '群众补充了信息',
  requestExtension: '延期申请待审批',
  decideExtension: '延期申请已处理',
  recategorize: '诉求分类已更正',
  object: '承办单位提出派单异议',
  merge: '诉求已与相同诉求合并办理',
  ruleObjection: '派单异议已裁定',
  addCoUnits: '请协助办理诉求',
  contribute: '协办单位提交了协办意见',
  takeOwnership: '领导已包案督办',
  flagSupervision: '诉求被挂牌督办，请按期反馈',
  closeSupervision: '督办事项已销号',
}

export function notificationTitle(action: CaseAction | 'submit', reopened = false): string {
  return action === 'rate' && reopened ? '群众不满意，诉求重新办理' : titles[action]
}

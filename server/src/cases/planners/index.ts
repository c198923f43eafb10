import type { CaseAction } from '@minqing/shared'
import { planDispatch } from './dispatch'
import { planAccept } from './accept'
import { planReply } from './reply'
import { planTransfer } from './transfer'
import { planReturn } from './return'
import { planReject } from './reject'
import { planResolve } from './resolve'
import { planRate } from './rate'
import { planReopen } from './reopen'
import { planClose } from './close'
import { planObject } from './object'
import { planRuleObjection } from './ruleObjection'
import { planMerge } from './merge'
import { planAddCoUnits } from './addCoUnits'
import { planContribute } from './contribute'
import { planRequestExtension } from './requestExtension'
import { planDecideExtension } from './decideExtension'
import { planRecategorize } from './recategorize'
import { planTakeOwnership } from './takeOwnership'
import { planFlagSupervision } from './flagSupervision'
import { planCloseSupervision } from './closeSupervision'
import { planAddInfo } from './addInfo'
import type { InputOf, PlanContext, PlanResult, Planner } from './types'

export type { CaseSnapshot, CasePatch, PlanContext, PlanRefusal, PlanResult, TransitionPlan } from './types'

/**
 * One planner per action: adding an action means adding its file and its row here (the type
 * makes a missing row a compile error). Who may take the action, and whether the case is in a
 * state for it, is decided before planning by the shared abilities module.
 */
const planners: { [A in CaseAction]: Planner<A> } = {
  dispatch: planDispatch,
  accept: planAccept,
  reply: planReply,
  transfer: planTransfer,
  return: planReturn,
  reject: planReject,
  resolve: planResolve,
  rate: planRate,
  reopen: planReopen,
  close: planClose,
  object: planObject,
  ruleObjection: planRuleObjection,
  merge: planMerge,
  addCoUnits: planAddCoUnits,
  contribute: planContribute,
  requestExtension: planRequestExtension,
  decideExtension: planDecideExtension,
  recategorize: planRecategorize,
  takeOwnership: planTakeOwnership,
  flagSupervision: planFlagSupervision,
  closeSupervision: planCloseSupervision,
  addInfo: planAddInfo,
}

/** Pure: what a transition changes (see each planner). */
export function planTransition<A extends CaseAction>(input: InputOf<A>, context: PlanContext): PlanResult {
  return (planners[input.action] as Planner<A>)(input, context)
}

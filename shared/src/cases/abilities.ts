import type { Role } from '../auth/roles'
import type { CaseAction, CaseStatus } from './schemas'
import { checkTransition, transitions } from './statusMachine'

/**
 * Who may take which action on a case, decided once for server and client: the server checks
 * every transition with `checkAbility` and sends `allowedActions` with each case it presents
 * (as Outline's `presentPolicies` does); the client shows the buttons it is given and keeps no
 * copy of these rules. Checks that depend on the request body (transfer to the same unit, a flag
 * at the level the case already has) stay with the action's planner.
 */
export interface AbilityActor {
  userId: string
  role: Role
  unitId: string | null
  /** The case's current unit lies in the actor's part of the unit tree (a leader's reach). */
  overseesCurrentUnit: boolean
}

/** The facts about a case its abilities depend on. */
export interface AbilityFacts {
  status: CaseStatus
  createdBy: string
  unitId: string | null
  coUnitIds: readonly string[]
  reopenCount: number
  objectionPending: boolean
  extensionPending: boolean
  /** The deadline running now (sign-for, answer or resolve); null when none runs. */
  dueAt: Date | null
  ownerLeaderId: string | null
  /** 督办 level while the case is flagged. */
  flagLevel: string | null
  /** The resident has rated the result. */
  rated: boolean
}

/** Actions a resident takes on their own case. */
const ownerActions: readonly CaseAction[] = ['rate', 'reopen', 'addInfo', 'recategorize']
/** Actions a handler takes for the unit that leads the case now. */
const leadUnitActions: readonly CaseAction[] = [
  'accept',
  'reply',
  'transfer',
  'return',
  'resolve',
  'requestExtension',
  'object',
  'addCoUnits',
]

export type StateDenial =
  | 'invalid_from_status'
  | 'already_reopened'
  | 'rate_instead'
  | 'already_rated'
  | 'deadline_passed'
  | 'extension_pending'
  | 'no_extension_pending'
  | 'objection_pending'
  | 'no_objection_pending'
  | 'already_owner'
  | 'already_flagged'
  | 'not_flagged'

export type AbilityCheck =
  | { ok: true; to: CaseStatus }
  | { ok: false; kind: 'forbidden'; reason: 'not_their_case' | 'role_not_allowed' }
  | { ok: false; kind: 'state'; reason: StateDenial }

/** Whether this actor stands in the right relation to this case for the action. */
function relationHolds(actor: AbilityActor, action: CaseAction, facts: AbilityFacts): boolean {
  switch (actor.role) {
    case 'admin':
      return true // the dispatch centre acts anywhere
    case 'resident':
      return ownerActions.includes(action) && facts.createdBy === actor.userId
    case 'handler':
      if (leadUnitActions.includes(action)) return facts.unitId !== null && facts.unitId === actor.unitId
      // 协办: a co-handling unit adds its part; the lead unit answers the resident.
      if (action === 'contribute') return facts.coUnitIds.includes(actor.unitId ?? '')
      return false
    case 'leader':
      return actor.overseesCurrentUnit
    default:
      return false
  }
}

/** Each action's own precondition on the case, beyond its status. */
function stateDenial(
  actor: AbilityActor,
  action: CaseAction,
  facts: AbilityFacts,
  now: Date,
): StateDenial | null {
  switch (action) {
    case 'reopen':
      // Leaders and the dispatch centre may reopen again (督办). A resident reopens once, and
      // only a case closed without their rating: on a resolved case 不满意 is the way to say
      // "not solved" (it reopens), and after rating the result the matter is theirs to judge once.
      if (actor.role !== 'resident') return null
      if (facts.status === 'resolved') return 'rate_instead'
      if (facts.rated) return 'already_rated'
      return facts.reopenCount > 0 ? 'already_reopened' : null
    case 'object':
      return facts.objectionPending ? 'objection_pending' : null
    case 'ruleObjection':
      return facts.objectionPending ? null : 'no_objection_pending'
    case 'requestExtension':
      if (facts.extensionPending) return 'extension_pending'
      return !facts.dueAt || facts.dueAt <= now ? 'deadline_passed' : null
    case 'decideExtension':
      return facts.extensionPending ? null : 'no_extension_pending'
    case 'takeOwnership':
      return facts.ownerLeaderId === actor.userId ? 'already_owner' : null
    case 'flagSupervision':
      // 挂牌督办 is the highest level: a case flagged with it has nothing left to raise.
      return facts.flagLevel === 'listed' ? 'already_flagged' : null
    case 'closeSupervision':
      return facts.flagLevel ? null : 'not_flagged'
    default:
      return null
  }
}

/**
 * May `actor` take `action` on this case now? Forbidden (the relation or the role) is told
 * apart from a case not in a state for it, so the server can answer 403 or 409.
 */
export function checkAbility(
  actor: AbilityActor,
  action: CaseAction,
  facts: AbilityFacts,
  now: Date,
): AbilityCheck {
  if (!relationHolds(actor, action, facts)) return { ok: false, kind: 'forbidden', reason: 'not_their_case' }
  const transition = checkTransition(facts.status, action, actor.role)
  if (!transition.ok)
    return transition.reason === 'role_not_allowed'
      ? { ok: false, kind: 'forbidden', reason: 'role_not_allowed' }
      : { ok: false, kind: 'state', reason: 'invalid_from_status' }
  const denial = stateDenial(actor, action, facts, now)
  return denial ? { ok: false, kind: 'state', reason: denial } : transition
}

/** Every action the actor may take on the case now, in the status machine's order. */
export function allowedActions(actor: AbilityActor, facts: AbilityFacts, now: Date): CaseAction[] {
  return (Object.keys(transitions) as CaseAction[]).filter(
    (action) => checkAbility(actor, action, facts, now).ok,
  )
}

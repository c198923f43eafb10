import type { Role } from '../auth/roles'
import type { CaseAction, CaseStatus } from './schemas'

export interface TransitionRule {
  from: readonly CaseStatus[]
  /** The status after the action; `same` keeps the current one (replies, added information). */
  to: CaseStatus | 'same'
  roles: readonly Role[]
}

const workable = ['accepted', 'in_progress', 'replied', 'reopened'] as const satisfies readonly CaseStatus[]
const open = [
  'submitted',
  'dispatched',
  'accepted',
  'in_progress',
  'replied',
  'transferred',
  'returned',
  'reopened',
] as const satisfies readonly CaseStatus[]

/**
 * Every transition of a case, with who may make it. Reading it top to bottom is the process:
 * the dispatch centre (admin) dispatches or rejects; the unit's handler signs for it, works it,
 * transfers what is not theirs or returns it; the resident rates; 不满意 reopens once.
 * `rate` resolves to `closed` here; the once-only reopen on 不满意 is decided by `rateOutcome`.
 */
export const transitions: Record<CaseAction, TransitionRule> = {
  dispatch: { from: ['submitted', 'returned'], to: 'dispatched', roles: ['admin'] },
  reject: { from: ['submitted', 'returned'], to: 'rejected', roles: ['admin'] },
  accept: { from: ['dispatched', 'transferred'], to: 'accepted', roles: ['handler'] },
  reply: { from: workable, to: 'same', roles: ['handler'] },
  transfer: {
    from: ['dispatched', 'transferred', 'accepted', 'in_progress'],
    to: 'transferred',
    roles: ['handler', 'admin'],
  },
  return: { from: ['dispatched', 'transferred', 'accepted'], to: 'returned', roles: ['handler'] },
  resolve: { from: workable, to: 'resolved', roles: ['handler'] },
  rate: { from: ['resolved'], to: 'closed', roles: ['resident'] },
  reopen: { from: ['resolved', 'closed'], to: 'reopened', roles: ['resident', 'leader', 'admin'] },
  close: { from: ['resolved'], to: 'closed', roles: ['leader', 'admin'] },
  addInfo: { from: open, to: 'same', roles: ['resident'] },
  // 派单异议: the dispatched unit disputes before signing; the dispatch centre upholds it
  // (the unit must take the case) or re-dispatches it (改派). The ruling is an event too.
  object: { from: ['dispatched', 'transferred'], to: 'same', roles: ['handler'] },
  ruleObjection: { from: ['dispatched', 'transferred'], to: 'dispatched', roles: ['admin'] },
  // 并单: the dispatch centre merges a duplicate into the surviving case, whose followers it joins.
  merge: { from: ['submitted', 'dispatched', 'transferred', 'returned'], to: 'closed', roles: ['admin'] },
  // 主办/协办: the lead unit (or the dispatch centre) brings in co-handling units, who add their part.
  addCoUnits: {
    from: ['accepted', 'in_progress', 'replied', 'reopened'],
    to: 'same',
    roles: ['handler', 'admin'],
  },
  contribute: { from: ['accepted', 'in_progress', 'replied', 'reopened'], to: 'same', roles: ['handler'] },
  // 延期: the handler asks before the deadline, a leader (or the dispatch centre) decides.
  requestExtension: { from: workable, to: 'same', roles: ['handler'] },
  decideExtension: { from: workable, to: 'same', roles: ['leader', 'admin'] },
  // A wrong category can be corrected until a unit signs for the case; it is routed again.
  recategorize: { from: ['submitted', 'dispatched', 'returned'], to: 'same', roles: ['resident'] },
  // 包案: a leader takes personal ownership of an open case and follows it up (带案下访).
  takeOwnership: { from: open, to: 'same', roles: ['leader'] },
  // 挂牌督办: a leader (or the dispatch centre) flags a case; it is closed off (逐一销号) with a written outcome.
  flagSupervision: { from: [...open, 'resolved'], to: 'same', roles: ['leader', 'admin'] },
  closeSupervision: { from: [...open, 'resolved', 'closed'], to: 'same', roles: ['leader', 'admin'] },
}

export type TransitionCheck =
  { ok: true; to: CaseStatus } | { ok: false; reason: 'role_not_allowed' | 'invalid_from_status' }

/** Pure: may `role` take `action` on a case in `status`, and where does it lead? */
export function checkTransition(status: CaseStatus, action: CaseAction, role: Role): TransitionCheck {
  const rule = transitions[action]
  if (!rule.roles.includes(role)) return { ok: false, reason: 'role_not_allowed' }
  if (!rule.from.includes(status)) return { ok: false, reason: 'invalid_from_status' }
  return { ok: true, to: rule.to === 'same' ? status : rule.to }
}

/** A public reply moves work to "replied"; an internal note marks it "in progress". */
export function statusAfterReply(status: CaseStatus, isPublic: boolean): CaseStatus {
  if (isPublic) return 'replied'
  return status === 'accepted' ? 'in_progress' : status
}

/**
 * 不满意 reopens the case once and flags it for supervision; a second 不满意 closes it (still
 * rated unsatisfied, which the statistics count) instead of looping forever.
 */
export function rateOutcome(
  rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied',
  reopenCount: number,
) {
  if (rating !== 'unsatisfied') return { status: 'closed' as const, flagForSupervision: false }
  if (reopenCount === 0) return { status: 'reopened' as const, flagForSupervision: true }
  return { status: 'closed' as const, flagForSupervision: true }
}

export const openStatuses: readonly CaseStatus[] = open

/** Cases someone else may still follow ("me too") or be matched against as a duplicate. */
export const followableStatuses: readonly CaseStatus[] = [...open, 'resolved']

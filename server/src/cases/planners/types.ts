import type {
  CaseAction,
  CaseStatus,
  HolidayCalendar,
  Rating,
  Role,
  RoutingDecision,
  supervisionLevels,
  TimeLimits,
  TransitionInput,
  Urgency,
} from '@minqing/shared'

/** The facts about a case that planning a transition depends on. */
export interface CaseSnapshot {
  status: CaseStatus
  urgency: Urgency
  unitId: string | null
  firstReceiverUnitId: string | null
  reopenCount: number
  answerBy: Date | null
  dueAt: Date | null
  extensionDays?: number
  coUnitIds: string[]
  ownerLeaderId?: string | null
  /** 督办 level while the case is flagged. */
  flagLevel?: string | null
}

export interface PlanContext {
  snapshot: CaseSnapshot
  actor: { userId: string; role: Role }
  now: Date
  limits: TimeLimits
  calendar: HolidayCalendar
  /** For `recategorize`: where the corrected case goes now. */
  reroute?: RoutingDecision
}

type SupervisionLevel = (typeof supervisionLevels)[number]

interface RoutingRecord {
  kind: RoutingDecision['kind'] | 'manual'
  unitId: string | null
  ruleId: string | null
  reason: string | null
  decidedAt: Date
}

/**
 * Every field a transition may set on a case, typed (dotted paths are the nested fields Mongo
 * updates in place). A planner that writes anything else does not compile.
 */
export interface CasePatch {
  unitId?: string | null
  firstReceiverUnitId?: string | null
  categoryCode?: string
  routing?: RoutingRecord
  acceptedAt?: Date | null
  resolvedAt?: Date | null
  closedAt?: Date | null
  closedReason?: 'rated' | 'byStaff' | 'merged' | null
  mergedInto?: string
  rating?: { value: Rating; comment: string | null; at: Date }
  supervisionFlag?: boolean
  objection?: { unitId: string | null; reason: string; at: Date; status: 'pending' }
  'objection.status'?: 'upheld' | 'redispatched'
  extension?: { workingDays: number; reason: string; requestedAt: Date; status: 'pending' }
  'extension.status'?: 'approved' | 'refused'
  coUnitIds?: string[]
  ownerLeaderId?: string
  ownedAt?: Date
  'supervision.flag'?: {
    level: SupervisionLevel
    reportBy: Date
    reason: string
    by: string
    at: Date
  } | null
  'supervision.lastOutcome'?: { level: string; outcome: string; by: string; at: Date }
  'deadlines.acceptBy'?: Date
  'deadlines.answerBy'?: Date
  'deadlines.dueAt'?: Date | null
  'deadlines.ratingBy'?: Date
  'deadlines.clockStartedAt'?: Date
}

export type CaseCounter = 'transferCount' | 'returnCount' | 'reopenCount'

export interface TransitionPlan {
  to: CaseStatus
  set: CasePatch
  inc: Partial<Record<CaseCounter, number>>
  /** Units to add to involvedUnitIds (everyone who has held or helped with the case). */
  involveUnitIds: string[]
  /**
   * What the statistics must learn from this change, stated by the planner rather than found in
   * the patch: the unit that holds the case from now on (null: back to the dispatch centre) and
   * a corrected category.
   */
  rollup: { newUnitId?: string | null; categoryCode?: string }
  event: { reason?: string | null; message?: string | null; public: boolean; data?: Record<string, unknown> }
}

/** Refusals that depend on the request body; the shared abilities module decides the rest. */
export type PlanRefusal = 'same_unit' | 'unit_required' | 'already_flagged'

export type PlanResult = { ok: true; plan: TransitionPlan } | { ok: false; reason: PlanRefusal }

export type InputOf<A extends CaseAction> = Extract<TransitionInput, { action: A }>

/** One action's planner: pure, from the case's facts and the request to the change it makes. */
export type Planner<A extends CaseAction> = (input: InputOf<A>, context: PlanContext) => PlanResult

/** A plan with the defaults most actions share (nothing counted, no unit involved). */
export function plan(
  fields: Pick<TransitionPlan, 'to' | 'set' | 'event'> & Partial<TransitionPlan>,
): PlanResult {
  return { ok: true, plan: { inc: {}, involveUnitIds: [], rollup: {}, ...fields } }
}

export const refuse = (reason: PlanRefusal): PlanResult => ({ ok: false, reason })

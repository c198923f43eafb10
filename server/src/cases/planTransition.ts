import {
  acceptDeadline,
  answerDeadline,
  checkTransition,
  endOfNthWorkingDay,
  rateOutcome,
  statusAfterReply,
  type CaseStatus,
  type HolidayCalendar,
  type RoutingDecision,
  type TimeLimits,
  type TransitionInput,
  type Urgency,
} from '@minqing/shared'

/** The facts about a case that a transition depends on. */
export interface CaseSnapshot {
  status: CaseStatus
  urgency: Urgency
  unitId: string | null
  firstReceiverUnitId: string | null
  reopenCount: number
  answerBy: Date | null
  dueAt: Date | null
  extensionPending: boolean
  extensionDays?: number
  objectionPending: boolean
  coUnitIds: string[]
  ownerLeaderId?: string | null
  /** 挂牌督办 level while the case is flagged. */
  flagLevel?: string | null
}

export interface TransitionPlan {
  to: CaseStatus
  /** Fields to $set on the case (dotted paths allowed). */
  set: Record<string, unknown>
  inc: Record<string, number>
  /** Units to add to involvedUnitIds (everyone who has held or helped with the case). */
  involveUnitIds?: string[]
  event: { reason?: string | null; message?: string | null; public: boolean; data?: Record<string, unknown> }
}

export type PlanResult =
  | { ok: true; plan: TransitionPlan }
  | {
      ok: false
      reason:
        | 'role_not_allowed'
        | 'invalid_from_status'
        | 'same_unit'
        | 'already_reopened'
        | 'deadline_passed'
        | 'extension_pending'
        | 'no_extension_pending'
        | 'objection_pending'
        | 'no_objection_pending'
        | 'unit_required'
        | 'already_owner'
        | 'already_flagged'
        | 'not_flagged'
    }

/**
 * Pure: what a transition changes. The role check and the status check come from the shared
 * status machine; this adds the deadlines and counters each action moves.
 */
export function planTransition(
  snapshot: CaseSnapshot,
  input: TransitionInput,
  actor: { userId: string; role: Parameters<typeof checkTransition>[2] },
  now: Date,
  limits: TimeLimits,
  calendar: HolidayCalendar,
  /** For `recategorize`: where the corrected case goes now. */
  reroute?: RoutingDecision,
): PlanResult {
  const check = checkTransition(snapshot.status, input.action, actor.role)
  if (!check.ok) return check
  const answerBy = () => answerDeadline(now, snapshot.urgency, limits, calendar)
  const base = { inc: {}, event: { public: true } }

  switch (input.action) {
    case 'dispatch': {
      const acceptBy = acceptDeadline(now, limits, calendar, {
        urgency: snapshot.urgency,
        unitId: input.unitId,
      })
      return ok({
        ...base,
        to: 'dispatched',
        set: {
          unitId: input.unitId,
          firstReceiverUnitId: snapshot.firstReceiverUnitId ?? input.unitId,
          routing: {
            kind: 'manual',
            unitId: input.unitId,
            ruleId: null,
            reason: input.reason ?? '派单中心人工派单',
            decidedAt: now,
          },
          'deadlines.acceptBy': acceptBy,
          'deadlines.dueAt': acceptBy,
        },
        involveUnitIds: [input.unitId],
        event: { public: true, reason: input.reason ?? null, data: { unitId: input.unitId } },
      })
    }
    case 'accept': {
      const due = answerBy()
      return ok({
        ...base,
        to: 'accepted',
        set: {
          acceptedAt: now,
          'deadlines.clockStartedAt': now,
          'deadlines.answerBy': due,
          'deadlines.dueAt': due,
        },
      })
    }
    case 'reply':
      return ok({
        ...base,
        to: statusAfterReply(snapshot.status, input.public),
        set: {},
        event: { public: input.public, message: input.message },
      })
    case 'transfer': {
      if (input.unitId === snapshot.unitId) return { ok: false, reason: 'same_unit' }
      const acceptBy = acceptDeadline(now, limits, calendar, {
        urgency: snapshot.urgency,
        unitId: input.unitId,
      })
      return ok({
        to: 'transferred',
        set: {
          unitId: input.unitId,
          'deadlines.acceptBy': acceptBy,
          'deadlines.dueAt': acceptBy,
          acceptedAt: null,
        },
        inc: { transferCount: 1 },
        involveUnitIds: [input.unitId],
        event: {
          public: true,
          reason: input.reason,
          data: { fromUnitId: snapshot.unitId, toUnitId: input.unitId },
        },
      })
    }
    case 'return':
      return ok({
        to: 'returned',
        set: { unitId: null, 'deadlines.dueAt': null, acceptedAt: null },
        inc: { returnCount: 1 },
        event: { public: false, reason: input.reason, data: { fromUnitId: snapshot.unitId } },
      })
    case 'reject':
      return ok({
        ...base,
        to: 'rejected',
        set: { closedAt: now, 'deadlines.dueAt': null },
        event: { public: true, reason: input.reason },
      })
    case 'resolve': {
      const ratingBy = new Date(now.getTime() + limits.ratingWindowDays * 86_400_000)
      return ok({
        ...base,
        to: 'resolved',
        set: { resolvedAt: now, 'deadlines.dueAt': null, 'deadlines.ratingBy': ratingBy },
        event: { public: true, message: input.message },
      })
    }
    case 'rate': {
      const outcome = rateOutcome(input.rating, snapshot.reopenCount)
      const rating = { value: input.rating, comment: input.comment ?? null, at: now }
      if (outcome.status === 'closed') {
        return ok({
          ...base,
          to: 'closed',
          set: {
            rating,
            closedAt: now,
            closedReason: 'rated',
            supervisionFlag: outcome.flagForSupervision || undefined,
          },
          event: { public: true, message: input.comment ?? null, data: { rating: input.rating } },
        })
      }
      const due = answerBy()
      return ok({
        to: 'reopened',
        set: {
          rating,
          supervisionFlag: true,
          resolvedAt: null,
          'deadlines.clockStartedAt': now,
          'deadlines.answerBy': due,
          'deadlines.dueAt': due,
        },
        inc: { reopenCount: 1 },
        event: {
          public: true,
          message: input.comment ?? null,
          data: { rating: input.rating, reopened: true },
        },
      })
    }
    case 'reopen': {
      if (actor.role === 'resident' && snapshot.reopenCount > 0)
        return { ok: false, reason: 'already_reopened' }
      const due = answerBy()
      return ok({
        to: 'reopened',
        set: {
          supervisionFlag: true,
          resolvedAt: null,
          closedAt: null,
          closedReason: null,
          'deadlines.clockStartedAt': now,
          'deadlines.answerBy': due,
          'deadlines.dueAt': due,
        },
        inc: { reopenCount: 1 },
        event: { public: true, reason: input.reason },
      })
    }
    case 'close':
      return ok({
        ...base,
        to: 'closed',
        set: { closedAt: now, closedReason: 'byStaff' },
        event: { public: true, reason: input.reason ?? null },
      })
    case 'object': {
      if (snapshot.objectionPending) return { ok: false, reason: 'objection_pending' }
      return ok({
        ...base,
        to: snapshot.status,
        set: { objection: { unitId: snapshot.unitId, reason: input.reason, at: now, status: 'pending' } },
        event: { public: false, reason: input.reason, data: { unitId: snapshot.unitId } },
      })
    }
    case 'ruleObjection': {
      if (!snapshot.objectionPending) return { ok: false, reason: 'no_objection_pending' }
      const signFor = { urgency: snapshot.urgency, unitId: input.uphold ? snapshot.unitId : input.unitId }
      const acceptBy = acceptDeadline(now, limits, calendar, signFor)
      if (input.uphold) {
        return ok({
          ...base,
          to: 'dispatched',
          set: { 'objection.status': 'upheld', 'deadlines.acceptBy': acceptBy, 'deadlines.dueAt': acceptBy },
          event: { public: false, reason: input.reason, data: { upheld: true, unitId: snapshot.unitId } },
        })
      }
      if (!input.unitId) return { ok: false, reason: 'unit_required' }
      if (input.unitId === snapshot.unitId) return { ok: false, reason: 'same_unit' }
      return ok({
        ...base,
        to: 'dispatched',
        set: {
          'objection.status': 'redispatched',
          unitId: input.unitId,
          routing: {
            kind: 'manual',
            unitId: input.unitId,
            ruleId: null,
            reason: input.reason,
            decidedAt: now,
          },
          'deadlines.acceptBy': acceptBy,
          'deadlines.dueAt': acceptBy,
        },
        involveUnitIds: [input.unitId],
        event: {
          public: true,
          reason: input.reason,
          data: { upheld: false, fromUnitId: snapshot.unitId, toUnitId: input.unitId },
        },
      })
    }
    case 'merge':
      return ok({
        ...base,
        to: 'closed',
        set: { closedAt: now, closedReason: 'merged', mergedInto: input.intoCaseId, 'deadlines.dueAt': null },
        event: {
          public: true,
          reason: input.reason ?? '与已有诉求重复，已并单办理',
          data: { intoCaseId: input.intoCaseId },
        },
      })
    case 'addCoUnits': {
      const added = input.unitIds.filter((id) => id !== snapshot.unitId && !snapshot.coUnitIds.includes(id))
      if (added.length === 0) return { ok: false, reason: 'same_unit' }
      return ok({
        ...base,
        to: snapshot.status,
        set: { coUnitIds: [...snapshot.coUnitIds, ...added] },
        involveUnitIds: added,
        event: { public: false, data: { unitIds: added } },
      })
    }
    case 'contribute':
      return ok({ ...base, to: snapshot.status, set: {}, event: { public: false, message: input.message } })
    case 'requestExtension': {
      if (snapshot.extensionPending) return { ok: false, reason: 'extension_pending' }
      if (!snapshot.dueAt || snapshot.dueAt <= now) return { ok: false, reason: 'deadline_passed' }
      return ok({
        ...base,
        to: snapshot.status,
        set: {
          extension: {
            workingDays: input.workingDays,
            reason: input.reason,
            requestedAt: now,
            status: 'pending',
          },
        },
        event: { public: false, reason: input.reason, data: { workingDays: input.workingDays } },
      })
    }
    case 'decideExtension': {
      if (!snapshot.extensionPending) return { ok: false, reason: 'no_extension_pending' }
      if (!input.approve) {
        return ok({
          ...base,
          to: snapshot.status,
          set: { 'extension.status': 'refused' },
          event: { public: false, reason: input.reason ?? null, data: { approved: false } },
        })
      }
      const days = snapshot.extensionDays ?? 0
      const from = snapshot.answerBy ?? now
      const extended = endOfNthWorkingDay(from, days, calendar)
      return ok({
        ...base,
        to: snapshot.status,
        set: { 'extension.status': 'approved', 'deadlines.answerBy': extended, 'deadlines.dueAt': extended },
        event: { public: true, reason: input.reason ?? null, data: { approved: true, workingDays: days } },
      })
    }
    case 'recategorize': {
      if (!reroute) throw new Error('recategorize needs a routing decision')
      const routing = {
        kind: reroute.kind,
        unitId: reroute.unitId,
        ruleId: reroute.ruleId,
        reason: reroute.reason,
        decidedAt: now,
      }
      if (reroute.unitId === null) {
        return ok({
          ...base,
          to: 'submitted',
          set: { categoryCode: input.categoryCode, unitId: null, routing, 'deadlines.dueAt': null },
          event: { public: true, data: { categoryCode: input.categoryCode } },
        })
      }
      const acceptBy = acceptDeadline(now, limits, calendar, {
        urgency: snapshot.urgency,
        unitId: reroute.unitId,
      })
      return ok({
        ...base,
        to: 'dispatched',
        set: {
          categoryCode: input.categoryCode,
          unitId: reroute.unitId,
          firstReceiverUnitId: snapshot.firstReceiverUnitId ?? reroute.unitId,
          routing,
          'deadlines.acceptBy': acceptBy,
          'deadlines.dueAt': acceptBy,
        },
        involveUnitIds: [reroute.unitId],
        event: {
          public: true,
          reason: reroute.reason,
          data: { categoryCode: input.categoryCode, unitId: reroute.unitId },
        },
      })
    }
    case 'takeOwnership':
      if (snapshot.ownerLeaderId === actor.userId) return { ok: false, reason: 'already_owner' }
      return ok({
        ...base,
        to: snapshot.status,
        set: { ownerLeaderId: actor.userId, ownedAt: now },
        event: {
          public: false,
          reason: input.reason ?? null,
          data: { ownerLeaderId: actor.userId, previousOwnerId: snapshot.ownerLeaderId ?? null },
        },
      })
    case 'flagSupervision': {
      if (snapshot.flagLevel === input.level) return { ok: false, reason: 'already_flagged' }
      const reportBy = input.reportBy
        ? new Date(`${input.reportBy}T23:59:59+08:00`)
        : endOfNthWorkingDay(now, 5, calendar)
      return ok({
        ...base,
        to: snapshot.status,
        set: {
          supervisionFlag: true,
          'supervision.flag': {
            level: input.level,
            reportBy,
            reason: input.reason,
            by: actor.userId,
            at: now,
          },
        },
        event: { public: false, reason: input.reason, data: { level: input.level, reportBy } },
      })
    }
    case 'closeSupervision':
      if (!snapshot.flagLevel) return { ok: false, reason: 'not_flagged' }
      return ok({
        ...base,
        to: snapshot.status,
        set: {
          supervisionFlag: false,
          'supervision.flag': null,
          'supervision.lastOutcome': {
            level: snapshot.flagLevel,
            outcome: input.message,
            by: actor.userId,
            at: now,
          },
        },
        event: { public: false, message: input.message, data: { level: snapshot.flagLevel } },
      })
    case 'addInfo':
      return ok({ ...base, to: snapshot.status, set: {}, event: { public: true, message: input.message } })
  }
}

function ok(plan: TransitionPlan): PlanResult {
  // undefined values mean "leave as is"
  for (const key of Object.keys(plan.set)) if (plan.set[key] === undefined) delete plan.set[key]
  return { ok: true, plan }
}

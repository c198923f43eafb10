import { chinaDate } from '../calendar/workingDays'
import { awaitingSignatureStatuses } from '../deadlines/clock'
import type { CaseStatus } from '../cases/schemas'
import {
  acceptBucketCounters,
  durationBucket,
  hoursBetween,
  medianHours,
  resolveBucketCounters,
} from './durations'

/** What the daily rollups count per day × unit × category, each moved by one kind of case event. */
export const headlineCounters = [
  'received',
  'accepted',
  'acceptedOnTime',
  'transferredOut',
  'returned',
  'due',
  'resolved',
  'resolvedOnTime',
  'overdue',
  'rated',
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  'reopened',
  // Sign-for windows that closed: signed or passed on in time, signed late or missed.
  'signForDue',
  'respondedOnTime',
  'signForLate',
  // Cases filed (新增诉求), once each on the day filed: at the unit it was routed to then, or at
  // its district's intake queue (`queueKey`), so a district's figures include its unrouted cases.
  'submitted',
] as const
/** Plus the histograms of time to accept and to resolve (durations.ts), read through their medians. */
export const rollupCounters = [
  ...headlineCounters,
  ...acceptBucketCounters,
  ...resolveBucketCounters,
] as const
export type RollupCounter = (typeof rollupCounters)[number]
export type HeadlineCounts = Record<(typeof headlineCounters)[number], number>
export type RollupCounts = Record<RollupCounter, number>

export const emptyCounts = (): RollupCounts =>
  Object.fromEntries(rollupCounters.map((name) => [name, 0])) as RollupCounts

/**
 * The rollup key of a district's intake queue: the cases filed there that no unit holds yet
 * (a rollup row's `unitId` is a unit id or this). Counted for the district, never ranked.
 */
export const queueKey = (tenantId: string) => `queue:${tenantId}`
export const isQueueKey = (key: string) => key.startsWith('queue:')
/** The tenant of a queue key; null for a unit id. */
export const tenantOfQueueKey = (key: string) => (isQueueKey(key) ? key.slice('queue:'.length) : null)

/** Facts about the case at the moment of an event, stored on the event so rollups can be rebuilt. */
export interface RollupFacts {
  /** The unit holding the case before the event. */
  unitId: string | null
  /** The unit holding it after (dispatch, transfer, re-dispatch). */
  newUnitId?: string | null
  categoryCode: string
  acceptBy?: Date | string | null
  answerBy?: Date | string | null
  /** When the unit holding the case received it (time to accept runs from here). */
  receivedAt?: Date | string | null
  /** When the resident submitted it (time to resolve runs from here). */
  submittedAt?: Date | string | null
  /** The status before the event (which clock was running); absent on events from before it was kept. */
  status?: CaseStatus | string | null
  /** Whether the watch had already marked the running deadline overdue (its window counted then). */
  overdueMarked?: boolean
  /** The case's district: where an event of a case no unit holds is counted (its queue). */
  tenantId?: string | null
}

export interface RollupEvent {
  action: string
  at: Date
  to: string
  data?: { facts?: RollupFacts; rating?: string; reopened?: boolean } | null
}

export interface RollupContribution {
  day: string
  unitId: string
  categoryCode: string
  counts: Partial<RollupCounts>
}

const onOrBefore = (at: Date, deadline: Date | string | null | undefined) =>
  deadline ? at.getTime() <= new Date(deadline).getTime() : true

/**
 * Pure: what one case event adds to the daily rollups (China-time day). A case is *received* by
 * the unit it is dispatched or transferred to. Its *sign-for window* closes once per receipt, at
 * the first of: signing for it (on time or late), passing it on while unsigned (transfer, return —
 * a response, not a signature), or the watch marking the sign-for deadline missed. It comes
 * *due* once per answer cycle — when it is resolved by its deadline (then also *resolved on
 * time*) or when the deadline passes unresolved; a late step the watch had not yet marked counts
 * its window then. *Submitted* once, on filing, by the unit it was routed to or the district's
 * intake queue. *Rated* with the resident's rating; *reopened* on 不满意 or a reopen.
 */
export function rollupContributions(event: RollupEvent): RollupContribution[] {
  const facts = event.data?.facts
  if (!facts) return []
  const day = chinaDate(event.at).format('YYYY-MM-DD')
  const at = (unitId: string | null | undefined, counts: Partial<RollupCounts>): RollupContribution[] =>
    unitId ? [{ day, unitId, categoryCode: facts.categoryCode, counts }] : []
  // A case no unit holds is its district's intake queue's (events from before tenants: nobody's).
  const holder = (unitId: string | null | undefined) =>
    unitId ?? (facts.tenantId ? queueKey(facts.tenantId) : null)
  const unsigned = awaitingSignatureStatuses.includes(facts.status as CaseStatus)
  const signForInTime = onOrBefore(event.at, facts.acceptBy)
  /** The holding unit's sign-for window closing now: in time, or late unless already counted. */
  // Events from before the status was kept count no windows (their rollups stay as they were).
  const known = facts.status !== undefined && facts.status !== null
  const signForWindow = (responded: boolean): Partial<RollupCounts> =>
    !known
      ? {}
      : signForInTime
        ? { signForDue: 1, respondedOnTime: responded ? 1 : 0 }
        : facts.overdueMarked
          ? {}
          : { signForDue: 1, signForLate: 1 }
  switch (event.action) {
    case 'dispatch':
    case 'transfer':
    case 'ruleObjection':
    case 'recategorize': {
      const received =
        facts.newUnitId && facts.newUnitId !== facts.unitId ? at(facts.newUnitId, { received: 1 }) : []
      const out = event.action === 'transfer' ? { transferredOut: 1 } : {}
      const window = event.action === 'transfer' && unsigned ? signForWindow(true) : {}
      const old = event.action === 'transfer' ? at(facts.unitId, { ...out, ...window }) : []
      return [...received, ...old]
    }
    case 'accept':
      return at(facts.unitId, {
        accepted: 1,
        acceptedOnTime: signForInTime ? 1 : 0,
        ...signForWindow(true),
        ...(facts.receivedAt
          ? { [acceptBucketCounters[durationBucket(hoursBetween(facts.receivedAt, event.at))]!]: 1 }
          : {}),
      })
    case 'return':
      return at(facts.unitId, { returned: 1, ...(unsigned ? signForWindow(true) : {}) })
    case 'resolve': {
      const took = facts.submittedAt
        ? { [resolveBucketCounters[durationBucket(hoursBetween(facts.submittedAt, event.at))]!]: 1 }
        : {}
      if (onOrBefore(event.at, facts.answerBy))
        return at(facts.unitId, { resolved: 1, resolvedOnTime: 1, due: 1, ...took })
      // Late: counted due by the overdue event, unless the watch had not marked it yet.
      const late = known && !facts.overdueMarked ? { due: 1, overdue: 1 } : {}
      return at(facts.unitId, { resolved: 1, ...late, ...took })
    }
    case 'overdue': {
      // Counted on the day the deadline passed, not the day the watch noticed (after downtime, or
      // a case filed late): a case overdue since 22 November is November's. A missed sign-for
      // deadline is a late signature, not an answer that came due.
      const deadline = unsigned ? facts.acceptBy : facts.answerBy
      const onDay = deadline ? chinaDate(new Date(deadline)).format('YYYY-MM-DD') : day
      const row = (counts: Partial<RollupCounts>) =>
        facts.unitId ? [{ day: onDay, unitId: facts.unitId, categoryCode: facts.categoryCode, counts }] : []
      return unsigned ? row({ signForDue: 1, signForLate: 1 }) : row({ overdue: 1, due: 1 })
    }
    case 'rate': {
      const rating = event.data?.rating
      return at(facts.unitId, {
        rated: 1,
        satisfied: rating === 'satisfied' ? 1 : 0,
        basicallySatisfied: rating === 'basically_satisfied' ? 1 : 0,
        unsatisfied: rating === 'unsatisfied' ? 1 : 0,
        reopened: event.to === 'reopened' ? 1 : 0,
      })
    }
    case 'reopen':
      return at(facts.unitId, { reopened: 1 })
    case 'submit':
      return at(holder(facts.unitId), { submitted: 1 })
    default:
      return []
  }
}

/**
 * A row as stored: only its non-zero counters. Most days × units × categories move a few of the
 * 38 counters, and FerretDB's cost of reading a document grows with its fields.
 */
export function nonZeroCounts(counts: Partial<RollupCounts>): Partial<RollupCounts> {
  return Object.fromEntries(
    Object.entries(counts).filter(([, value]) => value !== 0),
  ) as Partial<RollupCounts>
}

export function addCounts(into: RollupCounts, counts: Partial<RollupCounts>): RollupCounts {
  for (const name of rollupCounters) into[name] += counts[name] ?? 0
  return into
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator)

/**
 * Cases whose window is still open (or that are late and still open) right now: counted from the
 * cases themselves, shown beside the rates and never divided as missed.
 */
export interface PendingCounts {
  /** Waiting to be signed for, sign-for deadline not yet passed. */
  signForPending: number
  /** Signed for, answer deadline not yet passed. */
  answerPending: number
  /** Resolved, the resident's rating window still open. */
  ratingPending: number
  /** Open with the answer deadline passed (the deadline fell in the period). */
  openOverdue: number
}
export const emptyPending = (): PendingCounts => ({
  signForPending: 0,
  answerPending: 0,
  ratingPending: 0,
  openOverdue: 0,
})

/** The rates, 0–1, or null when no window has closed (nothing to divide). */
export function threeRates(counts: RollupCounts, live: PendingCounts = emptyPending()) {
  return {
    responseRate: ratio(counts.respondedOnTime, counts.signForDue),
    signForRate: ratio(counts.acceptedOnTime, counts.signForDue),
    completionRate: ratio(counts.resolved, counts.resolved + live.openOverdue),
    resolutionRate: ratio(counts.resolvedOnTime, counts.due),
    satisfactionRate: ratio(counts.satisfied + counts.basicallySatisfied, counts.rated),
  }
}
export type ThreeRates = ReturnType<typeof threeRates>

/** Medians of time to accept and to resolve, in hours, from the summed histograms. */
export function medianDurations(counts: RollupCounts) {
  return {
    medianAcceptHours: medianHours(acceptBucketCounters.map((name) => counts[name])),
    medianResolveHours: medianHours(resolveBucketCounters.map((name) => counts[name])),
  }
}

/** The headline counters only, for answers and tables. */
export const headlineCounts = (counts: RollupCounts) =>
  Object.fromEntries(headlineCounters.map((name) => [name, counts[name]])) as HeadlineCounts

/** Shown next to every figure, so nobody has to guess what a rate means. */
export const rateDefinitions: Record<keyof ThreeRates | 'pending', string> = {
  responseRate:
    '响应率 = 签收时限内作出响应（签收，或说明理由移交、退回）的诉求数 ÷ 签收时限已结束的诉求数（已签收、已移交退回或已超时）；仍在签收时限内的不计入，单列为“待签收”',
  signForRate:
    '签收率 = 签收时限内签收的诉求数 ÷ 签收时限已结束的诉求数；签收时限按办公时间计算（紧急诉求按自然小时）',
  completionRate:
    '办结率 = 本期办结数 ÷（本期办结数 + 本期到期仍未办结的超期诉求数）；超期未办结的诉求计为未办结，不会因只统计已办结而显示 100%',
  resolutionRate:
    '按时办结率 = 按期办结数 ÷ 到期诉求数（按期办结，或办理时限已过：超期未办结计为超期）；尚在办理时限内的不计入，单列为“办理中”',
  satisfactionRate: '满意率 =（满意 + 基本满意）÷ 已评价数；待评价的单列，超过评价期未评价的不计入',
  pending: '待签收、办理中、待评价：统计时仍在时限内的诉求，单独列出，不计为超时',
}

/** The rates a ranking weighs (签收率 and 办结率 are shown, not weighed: they overlap these). */
export interface RankingWeights {
  responseRate: number
  resolutionRate: number
  satisfactionRate: number
}
export const defaultRankingWeights: RankingWeights = {
  responseRate: 0.3,
  resolutionRate: 0.4,
  satisfactionRate: 0.3,
}

/**
 * A unit's score: the weighted mean of its rates (0–100). A rate with nothing to divide is left
 * out and the other weights carry the score; a unit with no rate at all has no score.
 */
export function rankingScore(
  rates: Pick<ThreeRates, keyof RankingWeights>,
  weights: RankingWeights = defaultRankingWeights,
): number | null {
  let weighted = 0
  let total = 0
  for (const key of Object.keys(weights) as Array<keyof RankingWeights>) {
    const value = rates[key]
    if (value === null || weights[key] <= 0) continue
    weighted += value * weights[key]
    total += weights[key]
  }
  return total === 0 ? null : Math.round((weighted / total) * 1000) / 10
}

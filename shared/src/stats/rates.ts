import { chinaDate } from '../calendar/workingDays'
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
 * the unit it is dispatched or transferred to; *accepted on time* when signed for by the sign-for
 * deadline; it comes *due* once per answer cycle — when it is resolved by its deadline (then also
 * *resolved on time*) or when the deadline passes unresolved (the scheduler's `overdue` event);
 * *rated* with the resident's rating; *reopened* on 不满意 or a reopen.
 */
export function rollupContributions(event: RollupEvent): RollupContribution[] {
  const facts = event.data?.facts
  if (!facts) return []
  const day = chinaDate(event.at).format('YYYY-MM-DD')
  const at = (unitId: string | null | undefined, counts: Partial<RollupCounts>): RollupContribution[] =>
    unitId ? [{ day, unitId, categoryCode: facts.categoryCode, counts }] : []
  switch (event.action) {
    case 'dispatch':
    case 'transfer':
    case 'ruleObjection':
    case 'recategorize': {
      const received =
        facts.newUnitId && facts.newUnitId !== facts.unitId ? at(facts.newUnitId, { received: 1 }) : []
      const out = event.action === 'transfer' ? at(facts.unitId, { transferredOut: 1 }) : []
      return [...received, ...out]
    }
    case 'accept':
      return at(facts.unitId, {
        accepted: 1,
        acceptedOnTime: onOrBefore(event.at, facts.acceptBy) ? 1 : 0,
        ...(facts.receivedAt
          ? { [acceptBucketCounters[durationBucket(hoursBetween(facts.receivedAt, event.at))]!]: 1 }
          : {}),
      })
    case 'return':
      return at(facts.unitId, { returned: 1 })
    case 'resolve': {
      const took = facts.submittedAt
        ? { [resolveBucketCounters[durationBucket(hoursBetween(facts.submittedAt, event.at))]!]: 1 }
        : {}
      return onOrBefore(event.at, facts.answerBy)
        ? at(facts.unitId, { resolved: 1, resolvedOnTime: 1, due: 1, ...took })
        : at(facts.unitId, { resolved: 1, ...took })
    }
    case 'overdue':
      return at(facts.unitId, { overdue: 1, due: 1 })
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

/** The three rates (三率), 0–1, or null when there is nothing to divide. */
export function threeRates(counts: RollupCounts) {
  return {
    responseRate: ratio(counts.acceptedOnTime, counts.received),
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
export const rateDefinitions: Record<keyof ThreeRates, string> = {
  responseRate: '响应率 = 时限内签收的诉求数 ÷ 收到的诉求数（派单、移交至本单位）',
  resolutionRate: '办结率 = 按期办结数 ÷ 到期诉求数（按期办结或超期未办结，各计一次）',
  satisfactionRate: '满意率 =（满意 + 基本满意）÷ 已评价数',
}

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
  rates: ThreeRates,
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

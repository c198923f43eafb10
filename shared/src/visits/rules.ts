import { chinaDate } from '../calendar/workingDays'

/** Phones' clocks drift: a visit a few minutes "in the future" is still accepted. */
export const clockSkewMs = 5 * 60_000

export type VisitDateProblem = 'future' | 'beforeCampaign' | 'afterCampaign'

/**
 * Visits recorded offline arrive late, so past dates are fine; a future date, or one outside the
 * campaign's period (whole China-time days, inclusive), is refused.
 */
export function visitDateProblem(
  visitedAt: Date,
  now: Date,
  campaign?: { startsOn: string; endsOn: string },
): VisitDateProblem | null {
  if (visitedAt.getTime() > now.getTime() + clockSkewMs) return 'future'
  if (!campaign) return null
  const day = chinaDate(visitedAt).format('YYYY-MM-DD')
  if (day < campaign.startsOn) return 'beforeCampaign'
  if (day > campaign.endsOn) return 'afterCampaign'
  return null
}

/** One household however it is typed: names and addresses compared without spaces or case. */
export function householdKey(household: { name: string; address: string }): string {
  const normalise = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  return `${normalise(household.name)}|${normalise(household.address)}`
}

export interface Quota {
  households: number
  researchDays: number
  problemsResolved: number
}

export interface VisitFact {
  visitedAt: Date
  household: { name: string; address: string }
}

export interface MetricProgress {
  done: number
  quota: number
  /** done ÷ quota, capped at 1; 1 when the quota is 0. */
  ratio: number
  met: boolean
}

/**
 * Progress against a campaign quota: distinct households visited, distinct (China-time) days in
 * the field, and problems raised on visits that were resolved. `behind` compares each ratio with
 * the share of the period already gone (a member at 30% with 60% of the time used is behind).
 */
export function quotaProgress(
  visits: readonly VisitFact[],
  problemsResolved: number,
  quota: Quota,
  period: { startsOn: string; endsOn: string },
  now: Date,
): {
  households: MetricProgress
  researchDays: MetricProgress
  problemsResolved: MetricProgress
  elapsedShare: number
  behind: boolean
} {
  const households = new Set(visits.map((visit) => householdKey(visit.household))).size
  const days = new Set(visits.map((visit) => chinaDate(visit.visitedAt).format('YYYY-MM-DD'))).size
  const metric = (done: number, target: number): MetricProgress => ({
    done,
    quota: target,
    ratio: target <= 0 ? 1 : Math.min(1, done / target),
    met: done >= target,
  })
  const start = new Date(`${period.startsOn}T00:00:00+08:00`).getTime()
  const end = new Date(`${period.endsOn}T23:59:59.999+08:00`).getTime()
  const elapsedShare = Math.max(0, Math.min(1, (now.getTime() - start) / (end - start)))
  const result = {
    households: metric(households, quota.households),
    researchDays: metric(days, quota.researchDays),
    problemsResolved: metric(problemsResolved, quota.problemsResolved),
  }
  // Quotas are whole numbers: behind means fewer done than the whole number expected by now
  // (a quota of 1 is not "behind" on the first day of a half-year campaign).
  const behind = Object.values(result).some((entry) => entry.done < Math.floor(entry.quota * elapsedShare))
  return { ...result, elapsedShare, behind }
}

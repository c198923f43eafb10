import type { Dayjs } from 'dayjs'
import { z } from 'zod'
import type { PositionLevel } from '../auth/roles'
import { chinaDate, isWorkingDay, type HolidayCalendar } from '../calendar/workingDays'
import type { MetricProgress } from '../visits/rules'

/**
 * What a campaign measures per person, each proved by records: distinct households visited and
 * days in the field (visits), receptions held (reception records), problems found (cases raised
 * on visits and at receptions) and solved, 宣讲 talks and online exchanges (activity records).
 */
export const quotaMetrics = [
  'households',
  'researchDays',
  'receptions',
  'problemsFound',
  'problemsResolved',
  'talks',
  'onlineExchanges',
] as const
export type QuotaMetric = (typeof quotaMetrics)[number]
export type CampaignQuota = Record<QuotaMetric, number>

export const quotaMetricLabels: Record<QuotaMetric, string> = {
  households: '走访户数',
  researchDays: '调研天数',
  receptions: '接访次数',
  problemsFound: '发现问题',
  problemsResolved: '解决问题',
  talks: '宣讲场次',
  onlineExchanges: '线上交流',
}

const count = z.number().int().min(0).max(10_000)

/** Older campaigns stored only three metrics: the others read as 0 (no quota), not as invalid. */
export const campaignQuotaSchema = z.object(
  Object.fromEntries(quotaMetrics.map((metric) => [metric, count.default(0)])) as {
    [K in QuotaMetric]: z.ZodDefault<typeof count>
  },
)

/**
 * Defaults from the 大走访 campaign text (seed 004), per position:
 * - 局领导: "调研时间不少于1个月" → 30 research days; "走访不少于40户" → 40 households;
 *   "接访不少于6次" → 6 receptions.
 * - 股室（单位）负责人: "走访不少于20户" → 20 households. The text gives them no research time of
 *   their own; they are cadres too, so the cadres' half month applies (15 days).
 * - 其他干部: "调研时间不少于半个月" → 15 days; "走访不少于15户" → 15 households.
 * The text asks everyone to find and solve problems and to hold 宣讲 and online exchanges without
 * numbers: leaders default to 1 talk and 1 exchange and to finding and solving at least one
 * problem; an admin sets the numbers per campaign.
 */
export const defaultCampaignQuotas: Record<PositionLevel, CampaignQuota> = {
  bureauLeader: {
    households: 40,
    researchDays: 30,
    receptions: 6,
    problemsFound: 3,
    problemsResolved: 3,
    talks: 1,
    onlineExchanges: 1,
  },
  unitLeader: {
    households: 20,
    researchDays: 15,
    receptions: 0,
    problemsFound: 2,
    problemsResolved: 2,
    talks: 1,
    onlineExchanges: 1,
  },
  cadre: {
    households: 15,
    researchDays: 15,
    receptions: 0,
    problemsFound: 1,
    problemsResolved: 0,
    talks: 0,
    onlineExchanges: 0,
  },
}

/** "每个单位每周至少接访1次": the campaign-wide rule for each participating unit. */
export const defaultUnitReceptionsPerWeek = 1

export interface CampaignPeriod {
  startsOn: string
  endsOn: string
}

/** The share of the campaign's period already gone at `now`, between 0 and 1. */
export function elapsedShare(period: CampaignPeriod, now: Date): number {
  const start = new Date(`${period.startsOn}T00:00:00+08:00`).getTime()
  const end = new Date(`${period.endsOn}T23:59:59.999+08:00`).getTime()
  return Math.max(0, Math.min(1, (now.getTime() - start) / (end - start)))
}

/**
 * Each metric against its quota. Behind means fewer done than the whole number expected by now
 * (a quota of 1 is not "behind" on the first day of a half-year campaign); `behindOn` names them.
 */
export function quotaStanding(
  done: CampaignQuota,
  quota: CampaignQuota,
  period: CampaignPeriod,
  now: Date,
): { metrics: Record<QuotaMetric, MetricProgress>; behindOn: QuotaMetric[]; behind: boolean } {
  const share = elapsedShare(period, now)
  const metrics = Object.fromEntries(
    quotaMetrics.map((metric) => {
      const target = quota[metric] ?? 0
      const value = done[metric] ?? 0
      return [
        metric,
        {
          done: value,
          quota: target,
          ratio: target <= 0 ? 1 : Math.min(1, value / target),
          met: value >= target,
        },
      ]
    }),
  ) as Record<QuotaMetric, MetricProgress>
  const behindOn = quotaMetrics.filter(
    (metric) => metrics[metric].done < Math.floor(metrics[metric].quota * share),
  )
  return { metrics, behindOn, behind: behindOn.length > 0 }
}

/** Monday of the China-time week a day falls in, as YYYY-MM-DD. */
function weekOf(day: Dayjs): string {
  return day.subtract((day.day() + 6) % 7, 'day').format('YYYY-MM-DD')
}

/**
 * "Each unit receives the public at least N times a week": the campaign's weeks that have begun
 * by `now`, each with its count. The running week is shown but not yet counted as missed.
 */
export function weeklyReceptions(
  receivedAt: readonly Date[],
  period: CampaignPeriod,
  now: Date,
  perWeek: number,
): { weeks: { weekOf: string; receptions: number; met: boolean | null }[]; missedWeeks: number } {
  const counts = new Map<string, number>()
  for (const instant of receivedAt) {
    const key = weekOf(chinaDate(instant))
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const today = chinaDate(now)
  const last = chinaDate(new Date(`${period.endsOn}T12:00:00+08:00`))
  const currentWeek = weekOf(today)
  const weeks: { weekOf: string; receptions: number; met: boolean | null }[] = []
  for (
    let monday = weekOf(chinaDate(new Date(`${period.startsOn}T12:00:00+08:00`)));
    monday <= currentWeek && monday <= last.format('YYYY-MM-DD');
    monday = chinaDate(new Date(`${monday}T12:00:00+08:00`))
      .add(7, 'day')
      .format('YYYY-MM-DD')
  ) {
    const receptions = counts.get(monday) ?? 0
    weeks.push({
      weekOf: monday,
      receptions,
      met: receptions >= perWeek ? true : monday === currentWeek ? null : false,
    })
  }
  return { weeks, missedWeeks: weeks.filter((week) => week.met === false).length }
}

/** The working days of a period (China time, per the holiday calendar) with no duty leader. */
export function dutyGaps(
  period: CampaignPeriod,
  calendar: HolidayCalendar,
  coveredDays: ReadonlySet<string>,
): string[] {
  const gaps: string[] = []
  for (
    let day = chinaDate(new Date(`${period.startsOn}T12:00:00+08:00`));
    day.format('YYYY-MM-DD') <= period.endsOn;
    day = day.add(1, 'day')
  ) {
    const key = day.format('YYYY-MM-DD')
    if (isWorkingDay(day, calendar) && !coveredDays.has(key)) gaps.push(key)
  }
  return gaps
}

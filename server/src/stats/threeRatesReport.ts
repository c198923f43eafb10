import {
  chinaDays,
  defaultRankingMinCases,
  emptyCounts,
  emptyPending,
  headlineCounts,
  isQueueKey,
  queueKey,
  tenantOfQueueKey,
  rankable,
  rankingNote,
  rankingSample,
  medianDefinitions,
  medianDurations,
  rankingScore,
  rateDefinitions,
  threeRates,
  type RankingWeights,
  type RollupCounts,
} from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { CategoryModel } from '../categories/category.model'
import { countsOf, sumRollups } from './rollupCache'
import { projectRollups } from './rollupProjection'
import { pendingCounts } from './pendingCounts'
import { statsQueues, statsRollupKeys, statsScope } from './scope'
import { TenantModel } from '../tenants/tenant.model'
import { tenantOf } from '../tenants/tenantScope'

export interface Period {
  from: string
  to: string
}

const topCategory = (code: string) => {
  const dot = code.indexOf('.')
  return dot === -1 ? code : code.slice(0, dot)
}

/** Sums the rollups of a period (inclusive China-time days), grouped by unit or by top category. */
async function summed(period: Period, groupBy: 'unit' | 'category', viewer: Viewer, maxAgeMs: number) {
  // A tenant admin's: their district's units and its intake queue (cases no unit holds yet).
  const scope = await statsRollupKeys(viewer)
  // What this instance's submissions left to the background is counted before the answer.
  await projectRollups()
  const totals = await sumRollups(maxAgeMs, period.from, period.to, (unitId, categoryCode) =>
    scope && !scope.has(unitId) ? null : groupBy === 'unit' ? unitId : topCategory(categoryCode),
  )
  return new Map<string, RollupCounts>([...totals].map(([key, total]) => [key, countsOf(total)]))
}

/** The group of a case counted from the cases: its unit, else its district's queue; or its top category. */
const groupOfCase =
  (groupBy: 'unit' | 'category') =>
  (record: { unitId?: unknown; tenantId?: unknown; categoryCode: string }) =>
    groupBy === 'category'
      ? topCategory(record.categoryCode)
      : record.unitId
        ? String(record.unitId)
        : queueKey(tenantOf(record as { tenantId?: string | null }))

async function names(groupBy: 'unit' | 'category', keys: string[]) {
  if (groupBy === 'unit') {
    const units = await UnitModel.find({ _id: { $in: keys.filter((key) => !isQueueKey(key)) } }, { name: 1 })
    return new Map([
      ...units.map((unit) => [String(unit._id), unit.name] as [string, string]),
      ...(await queueNames(keys)),
    ])
  }
  const categories = await CategoryModel.find({ code: { $in: keys } }, { code: 1, name: 1 })
  return new Map(categories.map((category) => [category.code, category.name]))
}

/** The rates report with every counter of each row kept (`allCounts`), for callers that sum further. */
export async function ratesReportWithCounts(
  period: Period,
  groupBy: 'unit' | 'category',
  viewer: Viewer,
  maxAgeMs: number,
  now: Date,
) {
  const groups = await summed(period, groupBy, viewer, maxAgeMs)
  const pending = await pendingCounts(
    now,
    chinaDays(period.from, period.to),
    await statsScope(viewer),
    groupOfCase(groupBy),
    statsQueues(viewer)?.cases ?? null,
  )
  // A group with only pending cases still gets a row: its cases are shown, not hidden.
  for (const key of pending.keys()) if (!groups.has(key)) groups.set(key, emptyCounts())
  const labels = await names(groupBy, [...groups.keys()])
  const rows = [...groups.entries()].map(([key, counts]) => ({
    key,
    name: labels.get(key) ?? key,
    ...threeRates(counts, pending.get(key) ?? emptyPending()),
    ...medianDurations(counts),
    counts: headlineCounts(counts),
    pending: pending.get(key) ?? emptyPending(),
    /** Every counter, histograms included, for callers that sum further (the brief); not sent. */
    allCounts: counts,
  }))
  rows.sort((a, b) => b.counts.received - a.counts.received || a.name.localeCompare(b.name))
  return {
    from: period.from,
    to: period.to,
    groupBy,
    definitions: { ...rateDefinitions, ...medianDefinitions },
    rows,
  }
}

/** The report as answered: without the full counters. */
export const publicReport = (report: Awaited<ReturnType<typeof ratesReportWithCounts>>) => ({
  ...report,
  rows: report.rows.map(({ allCounts: _, ...row }) => row),
})
type PublicReport = ReturnType<typeof publicReport>

/** GET /stats/rates: the three rates and the counts behind each, per unit or category. */
export async function ratesReport(
  period: Period,
  groupBy: 'unit' | 'category',
  viewer: Viewer,
  maxAgeMs: number,
  now: Date,
) {
  return publicReport(await ratesReportWithCounts(period, groupBy, viewer, maxAgeMs, now))
}

/** GET /stats/ranking: units by weighted score; the top and bottom three form the 红黑榜. */
export async function ranking(
  period: Period,
  weights: RankingWeights,
  viewer: Viewer,
  maxAgeMs: number,
  now: Date,
  minCases = defaultRankingMinCases,
  listSize = 3,
) {
  return rankUnits(await ratesReport(period, 'unit', viewer, maxAgeMs, now), weights, minCases, listSize)
}

/**
 * Ranks a per-unit report's rows by weighted score (pure: the brief ranks the report it has).
 * Units with fewer than `minCases` closed sign-for windows are listed apart, unranked, with the note.
 */
export function rankUnits(
  report: PublicReport,
  weights: RankingWeights,
  minCases = defaultRankingMinCases,
  listSize = 3,
) {
  // A district's intake queue is counted in the figures but is no unit to rank.
  const units = report.rows.filter((row) => !isQueueKey(row.key))
  const unranked = units
    .filter((row) => !rankable(row.counts, minCases))
    .map((row) => ({ ...row, sample: rankingSample(row.counts), note: rankingNote }))
  const ranked = units
    .filter((row) => rankable(row.counts, minCases))
    .map((row) => ({ ...row, sample: rankingSample(row.counts), score: rankingScore(row, weights) }))
    .filter((row) => row.score !== null)
    .sort((a, b) => b.score! - a.score! || b.counts.received - a.counts.received)
    .map((row, index) => ({ rank: index + 1, ...row }))
  const size = Math.min(listSize, Math.floor(ranked.length / 2))
  return {
    from: report.from,
    to: report.to,
    weights,
    minCases,
    minCasesNote: `统计期内签收时限已结束的诉求少于 ${minCases} 件的单位${rankingNote}`,
    definitions: report.definitions,
    rows: ranked,
    unranked,
    redList: ranked.slice(0, size).map((row) => row.key),
    blackList: size ? ranked.slice(-size).map((row) => row.key) : [],
  }
}

/** "河东区（待分派）" for each queue key among `keys`: the row of a district's unrouted cases. */
export async function queueNames(keys: string[]): Promise<Map<string, string>> {
  const tenants = [...new Set(keys.map(tenantOfQueueKey).filter((id): id is string => id !== null))]
  if (!tenants.length) return new Map()
  const found = new Map(
    (await TenantModel.find({ _id: { $in: tenants } }, { name: 1 }).lean()).map((tenant) => [
      String(tenant._id),
      tenant.name,
    ]),
  )
  return new Map(tenants.map((id) => [queueKey(id), `${found.get(id) ?? '未知区县'}（待分派）`]))
}

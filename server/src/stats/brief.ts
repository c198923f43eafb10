import {
  addCounts,
  emptyCounts,
  medianDurations,
  threeRates,
  defaultRankingWeights,
  headlineCounts,
  chinaDays,
  emptyPending,
  type PendingCounts,
} from '@minqing/shared'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { campaignDefinitions, campaignFigures } from './campaignFigures'
import { followUpFigures } from './followUpFigures'
import { statsScope } from './scope'
import { publicReport, rankUnits, ratesReportWithCounts, type Period } from './threeRatesReport'

/**
 * The period's brief (简报): the key figures overall, the ranking with its red and black lists,
 * and the cases escalated after a chase (升级督办), which the brief lists for public criticism
 * (通报批评). Everything comes from the rollups and the append-only events.
 */
export async function brief(period: Period, viewer: Viewer, maxAgeMs: number, now: Date) {
  // One sum of the rollups serves the totals and the ranking.
  const report = await ratesReportWithCounts(period, 'unit', viewer, maxAgeMs, now)
  const ranked = rankUnits(publicReport(report), defaultRankingWeights)
  const totals = report.rows.reduce((sum, row) => addCounts(sum, row.allCounts), emptyCounts())
  const pending = report.rows.reduce((sum, row) => {
    for (const key of Object.keys(sum) as Array<keyof PendingCounts>) sum[key] += row.pending[key]
    return sum
  }, emptyPending())
  const days = chinaDays(period.from, period.to)
  const escalations = await CaseEventModel.find(
    { action: 'escalate', at: { $gte: days.from, $lte: days.to } },
    { caseId: 1, at: 1 },
  ).lean()
  const cases = await CaseModel.find(
    { _id: { $in: escalations.map((event) => event.caseId) } },
    { number: 1, title: 1, unitId: 1, status: 1 },
  ).lean()
  const unitNames = new Map(
    (await UnitModel.find({ _id: { $in: cases.map((record) => record.unitId) } }, { name: 1 }).lean()).map(
      (unit) => [String(unit._id), unit.name],
    ),
  )
  const scope = new Set(report.rows.map((row) => row.key))
  const criticised = cases
    .filter((record) => (viewer.role === 'admin' && !viewer.tenantId) || scope.has(String(record.unitId)))
    .map((record) => ({
      caseId: String(record._id),
      number: record.number,
      title: record.title,
      unitName: unitNames.get(String(record.unitId)) ?? null,
      status: record.status,
      escalatedAt: escalations.find((event) => String(event.caseId) === String(record._id))!.at,
    }))
  return {
    from: period.from,
    to: period.to,
    totals: {
      ...headlineCounts(totals),
      ...threeRates(totals, pending),
      ...medianDurations(totals),
      /** 超期: deadlines that passed in the period unmet — sign-for and answer. */
      overdueTotal: totals.signForLate + totals.overdue,
      pending,
    },
    campaign: await campaignFigures(days, await statsScope(viewer)),
    definitions: {
      ...report.definitions,
      overdueTotal:
        '超期 = 期内签收时限已过仍未签收（或超时签收）+ 期内办理时限已过仍未办结的件次，按时限到期日计入',
      ...campaignDefinitions,
    },
    ranking: ranked,
    followUp: await followUpFigures(days.from, days.to, await statsScope(viewer)),
    publicCriticism: criticised,
  }
}

import type { Types } from 'mongoose'
import { CaseModel } from '../cases/case.model'
import { PairModel } from '../pairs/pair.model'
import { VisitModel } from '../visits/visit.model'
import { solvedCaseFilter, visitProblems, visitTurnouts } from '../campaigns/countingRules'

/**
 * The campaign figures the seeds report, for a period and the viewer's units: 出动人次 (each
 * visitor on each visit counts once), 走访户数 (distinct households), 收集问题 (problems raised on
 * visits), 解决问题 (of those, the ones whose case is solved now), 结对帮扶 (pairs active at any
 * time in the period, and their distinct households). Visits, problems and solved cases are
 * counted by the campaigns' rules (`campaigns/countingRules.ts`), as the campaign report counts them.
 */
export async function campaignFigures(period: { from: Date; to: Date }, scope: Types.ObjectId[] | null) {
  const inScope = scope ? { unitId: { $in: scope } } : {}
  const visits = await VisitModel.find(
    { visitedAt: { $gte: period.from, $lte: period.to }, ...inScope },
    { visitorIds: 1, householdKey: 1, content: 1, problemCaseIds: 1 },
  ).lean()
  const caseIds = visits.flatMap((visit) => visit.problemCaseIds)
  const solved = caseIds.length
    ? await CaseModel.countDocuments({ _id: { $in: caseIds }, ...solvedCaseFilter })
    : 0
  const pairs = await PairModel.find(
    {
      pairedAt: { $lte: period.to },
      $or: [{ endedAt: null }, { endedAt: { $gte: period.from } }],
      ...inScope,
    },
    { householdKey: 1 },
  ).lean()
  return {
    turnouts: visits.reduce((sum, visit) => sum + visitTurnouts(visit), 0),
    households: new Set(visits.map((visit) => visit.householdKey)).size,
    problemsCollected: visits.reduce((sum, visit) => sum + visitProblems(visit), 0),
    problemsSolved: solved,
    pairs: pairs.length,
    pairedHouseholds: new Set(pairs.map((pair) => pair.householdKey)).size,
  }
}

export const campaignDefinitions = {
  turnouts: '出动人次 = 期内每次走访的走访人数之和（同行人员各计一次）',
  households: '走访户数 = 期内走访的不同住户数',
  problemsCollected: '收集问题 = 期内走访中登记的问题数',
  problemsSolved: '解决问题 = 上述问题转成的诉求中，目前已办结或已结案的件数（不含合并到其他诉求的）',
  pairs: '结对帮扶 = 期内任一时间处于结对状态的结对数（及其不同住户数）',
}

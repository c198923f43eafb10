import { householdKey } from '@minqing/shared'
import { UnitModel } from '../units/unit.model'
import { isInSubtree } from '../units/unitTree'
import { UserModel } from '../users/user.model'
import type { CampaignDocument } from './campaign.model'
import { campaignRecords } from './campaignRecords'
import { visitProblems, visitTurnouts } from './countingRules'
import { participatingUnitIds } from './participation'

export interface CampaignReportFigures {
  /** 出动人次: each visitor on each visit, and each host of an activity. */
  turnouts: number
  /** 走访户数: distinct households visited. */
  households: number
  /** 座谈会 held. */
  forums: number
  /** 宣讲 held. */
  talks: number
  /** 收集意见建议: problems raised on visits, requests at receptions, opinions gathered at activities. */
  opinions: number
  /** 解决问题: of the problems raised on visits and at receptions, those resolved or closed, and those solved on the spot (当场解决). */
  solved: number
  /** 办实事好事 recorded. */
  goodDeeds: number
}

const empty = (): CampaignReportFigures => ({
  turnouts: 0,
  households: 0,
  forums: 0,
  talks: 0,
  opinions: 0,
  solved: 0,
  goodDeeds: 0,
})

/**
 * The campaign report the seeds publish (出动人次, 走访户数, 座谈会, 收集意见建议, 解决问题,
 * 办实事好事), per participating unit (with its subtree) and for the whole campaign; every figure
 * is counted from records, so a printed number can be traced back to the visits behind it.
 */
export async function campaignReport(campaign: CampaignDocument) {
  const participating = await participatingUnitIds(campaign)
  const members = await UserModel.find(
    { unitId: { $in: participating }, role: { $in: ['staff', 'leader'] } },
    { _id: 1 },
  )
  const records = await campaignRecords(campaign, {
    memberIds: members.map((member) => member._id),
    unitIds: participating,
  })
  const units = await UnitModel.find({ _id: { $in: participating } }, { name: 1, path: 1 })
  const unitById = new Map(units.map((unit) => [String(unit._id), unit]))
  const roots = campaign.unitIds.map(String)
  const rootOf = (unitId: unknown) => {
    const unit = unitId ? unitById.get(String(unitId)) : undefined
    return unit ? roots.find((root) => isInSubtree(root, unit)) : undefined
  }
  const figures = new Map(roots.map((root) => [root, empty()]))
  const households = new Map(roots.map((root) => [root, new Set<string>()]))
  const all = new Set<string>()
  const total = empty()
  const add = (root: string | undefined, field: keyof CampaignReportFigures, amount: number) => {
    total[field] += amount
    if (root) figures.get(root)![field] += amount
  }
  for (const visit of records.visits) {
    const root = rootOf(visit.unitId)
    const key = householdKey((visit.content as { household: { name: string; address: string } }).household)
    all.add(key)
    if (root) households.get(root)!.add(key)
    add(root, 'turnouts', visitTurnouts(visit))
    add(root, 'opinions', visitProblems(visit))
    add(root, 'solved', (visit.problemCaseIds ?? []).filter((id) => records.solved.has(String(id))).length)
  }
  for (const reception of records.receptions) {
    const root = rootOf(reception.unitId)
    const onSite = (reception.solvedOnSite ?? []).length
    add(root, 'opinions', reception.requestCount + onSite)
    add(
      root,
      'solved',
      (reception.caseIds ?? []).filter((id) => records.solved.has(String(id))).length + onSite,
    )
  }
  const kindField = { forum: 'forums', talk: 'talks', goodDeed: 'goodDeeds' } as const
  for (const activity of records.activities) {
    const root = rootOf(activity.unitId)
    add(root, 'turnouts', activity.hostIds.length)
    add(root, 'opinions', activity.opinionsCollected)
    if (activity.kind in kindField) add(root, kindField[activity.kind as keyof typeof kindField], 1)
  }
  total.households = all.size
  return {
    campaignId: String(campaign._id),
    name: campaign.name,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    total,
    units: roots.map((root) => ({
      unitId: root,
      name: unitById.get(root)?.name ?? null,
      ...figures.get(root)!,
      households: households.get(root)!.size,
    })),
  }
}

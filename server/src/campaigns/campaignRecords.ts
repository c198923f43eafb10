import { chinaDays } from '@minqing/shared'
import type { Types } from 'mongoose'
import { CaseModel } from '../cases/case.model'
import { ReceptionModel } from '../reception/reception.model'
import { VisitModel } from '../visits/visit.model'
import { CampaignActivityModel } from './activity.model'
import type { CampaignDocument } from './campaign.model'
import { isSolvedCase } from './countingRules'

/**
 * Every record a campaign's figures are counted from, for the given people and units: visits on
 * the campaign, receptions held in its period, its activities, and which raised or owned cases
 * are solved (`isSolvedCase`).
 */
export async function campaignRecords(
  campaign: CampaignDocument,
  scope: { memberIds: Types.ObjectId[]; unitIds: Types.ObjectId[] },
) {
  const period = chinaDays(campaign.startsOn, campaign.endsOn)
  const [visits, receptions, activities, owned] = await Promise.all([
    VisitModel.find(
      { campaignId: campaign._id, visitorIds: { $in: scope.memberIds } },
      { unitId: 1, visitorIds: 1, visitedAt: 1, content: 1, problemCaseIds: 1 },
    ),
    ReceptionModel.find(
      {
        $or: [{ createdBy: { $in: scope.memberIds } }, { unitId: { $in: scope.unitIds } }],
        receivedAt: { $gte: period.from, $lte: period.to },
      },
      { createdBy: 1, unitId: 1, receivedAt: 1, caseIds: 1, requestCount: 1, solvedOnSite: 1 },
    ),
    CampaignActivityModel.find({ campaignId: campaign._id }).sort({ heldOn: 1, _id: 1 }),
    CaseModel.find(
      { ownerLeaderId: { $in: scope.memberIds } },
      { ownerLeaderId: 1, status: 1, closedReason: 1 },
    ),
  ])
  const raisedIds = [
    ...visits.flatMap((visit) => visit.problemCaseIds ?? []),
    ...receptions.flatMap((reception) => reception.caseIds ?? []),
  ]
  const raised = await CaseModel.find({ _id: { $in: raisedIds } }, { status: 1, closedReason: 1 })
  const solved = new Set([...raised, ...owned].filter(isSolvedCase).map((record) => String(record._id)))
  return { visits, receptions, activities, owned, solved }
}

export type CampaignRecords = Awaited<ReturnType<typeof campaignRecords>>

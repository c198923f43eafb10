import {
  ownershipFollowUp,
  quotaProgress,
  type PositionLevel,
  type Quota,
  type Role,
  type VisitFact,
} from '@minqing/shared'
import type { Types } from 'mongoose'
import { CaseModel } from '../cases/case.model'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { subtreeUnitIds } from '../units/unitTree'
import { UserModel } from '../users/user.model'
import { VisitModel } from '../visits/visit.model'
import type { CampaignDocument } from './campaign.model'
import { participatingUnitIds } from './participation'

/** A staff member without a recorded position counts as a cadre; a leader as a unit leader. */
function positionOf(user: { role: Role; positionLevel?: string | null }): PositionLevel {
  if (user.positionLevel) return user.positionLevel as PositionLevel
  return user.role === 'leader' ? 'unitLeader' : 'cadre'
}

const solvedStatuses = ['resolved', 'closed']

function quotaFor(campaign: CampaignDocument, position: PositionLevel): Quota {
  const quota = campaign.quotas?.[position]
  return {
    households: quota?.households ?? 0,
    researchDays: quota?.researchDays ?? 0,
    problemsResolved: quota?.problemsResolved ?? 0,
  }
}

/**
 * Per member of the participating units: distinct households visited, research days and problems
 * resolved against their position's quota, plus (for leaders who own cases, 包案) the share they
 * followed up in person. A staff member sees their own row, a leader their unit subtree's rows,
 * an admin every row. "Problems resolved" counts the cases raised on the member's campaign visits
 * and the cases they own that are resolved or closed (merged duplicates do not count).
 */
export async function campaignProgress(campaign: CampaignDocument, viewer: Viewer, now: Date) {
  const participating = await participatingUnitIds(campaign)
  let unitScope: Types.ObjectId[] = participating
  if (viewer.role === 'leader' && viewer.unitId) {
    const mine = new Set((await subtreeUnitIds(viewer.unitId)).map(String))
    unitScope = participating.filter((id) => mine.has(String(id)))
  }
  const members = await UserModel.find(
    viewer.role === 'staff'
      ? { _id: viewer.userId, unitId: { $in: participating } }
      : { unitId: { $in: unitScope }, role: { $in: ['staff', 'leader'] }, disabled: { $ne: true } },
    { name: 1, role: 1, unitId: 1, positionLevel: 1 },
  ).sort({ name: 1 })
  const memberIds = members.map((member) => member._id)

  const visits = await VisitModel.find(
    { campaignId: campaign._id, visitorIds: { $in: memberIds } },
    { visitorIds: 1, visitedAt: 1, householdKey: 1, content: 1, problemCaseIds: 1 },
  )
  const owned = await CaseModel.find(
    { ownerLeaderId: { $in: memberIds } },
    { ownerLeaderId: 1, status: 1, closedReason: 1 },
  )
  const problemCaseIds = visits.flatMap((visit) => visit.problemCaseIds ?? [])
  const problemCases = await CaseModel.find({ _id: { $in: problemCaseIds } }, { status: 1, closedReason: 1 })
  const solved = new Set(
    [...problemCases, ...owned]
      .filter((record) => solvedStatuses.includes(record.status) && record.closedReason !== 'merged')
      .map((record) => String(record._id)),
  )
  const units = new Map(
    (await UnitModel.find({ _id: { $in: members.map((member) => member.unitId) } }, { name: 1 })).map(
      (unit) => [String(unit._id), unit.name],
    ),
  )

  const rows = members.map((member) => {
    const id = String(member._id)
    const mine = visits.filter((visit) => visit.visitorIds.some((visitor) => String(visitor) === id))
    const facts: VisitFact[] = mine.map((visit) => ({
      visitedAt: visit.visitedAt,
      household: (visit.content as { household: VisitFact['household'] }).household,
    }))
    const ownedIds = owned.filter((record) => String(record.ownerLeaderId) === id).map((r) => String(r._id))
    const raised = mine
      .filter((visit) => String(visit.visitorIds[0]) === id)
      .flatMap((visit) => (visit.problemCaseIds ?? []).map(String))
    const resolved = new Set([...raised, ...ownedIds].filter((caseId) => solved.has(caseId))).size
    const position = positionOf(member)
    const progress = quotaProgress(facts, resolved, quotaFor(campaign, position), campaign, now)
    const followedUp = mine.flatMap(
      (visit) => (visit.content as { followedUpCaseIds?: string[] }).followedUpCaseIds ?? [],
    )
    return {
      userId: id,
      name: member.name,
      role: member.role,
      unitId: member.unitId ? String(member.unitId) : null,
      unitName: member.unitId ? (units.get(String(member.unitId)) ?? null) : null,
      positionLevel: position,
      visits: mine.length,
      households: progress.households,
      researchDays: progress.researchDays,
      problemsResolved: progress.problemsResolved,
      behind: progress.behind,
      ownership: ownershipFollowUp(ownedIds, followedUp, campaign.ownershipFollowUpTarget),
    }
  })
  const elapsedShare = quotaProgress([], 0, quotaFor(campaign, 'cadre'), campaign, now).elapsedShare
  return { campaignId: String(campaign._id), elapsedShare, rows }
}

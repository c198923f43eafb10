import {
  chinaDate,
  elapsedShare,
  householdKey,
  ownershipFollowUp,
  quotaMetrics,
  quotaStanding,
  weeklyReceptions,
  type CampaignQuota,
  type PositionLevel,
  type Role,
} from '@minqing/shared'
import type { Types } from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { isInSubtree, subtreeUnitIds } from '../units/unitTree'
import { UserModel } from '../users/user.model'
import type { CampaignDocument } from './campaign.model'
import { campaignRecords, type CampaignRecords } from './campaignRecords'
import { participatingUnitIds } from './participation'

/** A staff member without a recorded position counts as a cadre; a leader as a unit leader. */
function positionOf(user: { role: Role; positionLevel?: string | null }): PositionLevel {
  if (user.positionLevel) return user.positionLevel as PositionLevel
  return user.role === 'leader' ? 'unitLeader' : 'cadre'
}

function quotaFor(campaign: CampaignDocument, position: PositionLevel): CampaignQuota {
  const stored = (campaign.quotas?.[position] ?? {}) as Partial<CampaignQuota>
  return Object.fromEntries(quotaMetrics.map((metric) => [metric, stored[metric] ?? 0])) as CampaignQuota
}

/**
 * What one member did, each figure from the records that prove it: distinct households and
 * China-time days on their campaign visits; receptions they recorded; problems found on visits
 * they led and at their receptions, and of those plus the cases they own (包案) the solved ones;
 * talks and online exchanges they hosted.
 */
function memberDone(id: string, records: CampaignRecords) {
  const visits = records.visits.filter((visit) => visit.visitorIds.some((visitor) => String(visitor) === id))
  const led = visits.filter((visit) => String(visit.visitorIds[0]) === id)
  const receptions = records.receptions.filter((reception) => String(reception.createdBy) === id)
  const onSite = receptions.reduce((sum, reception) => sum + (reception.solvedOnSite ?? []).length, 0)
  const found = [
    ...led.flatMap((visit) => (visit.problemCaseIds ?? []).map(String)),
    ...receptions.flatMap((reception) => (reception.caseIds ?? []).map(String)),
  ]
  const ownedIds = records.owned
    .filter((record) => String(record.ownerLeaderId) === id)
    .map((r) => String(r._id))
  const hosted = (kind: string) =>
    records.activities.filter(
      (activity) => activity.kind === kind && activity.hostIds.some((host) => String(host) === id),
    ).length
  const households = (visit: (typeof visits)[number]) =>
    householdKey((visit.content as { household: { name: string; address: string } }).household)
  const done: CampaignQuota = {
    households: new Set(visits.map(households)).size,
    researchDays: new Set(visits.map((visit) => chinaDate(visit.visitedAt).format('YYYY-MM-DD'))).size,
    receptions: receptions.length,
    // 当场解决 at a reception: found and solved at once, without a case.
    problemsFound: new Set(found).size + onSite,
    problemsResolved:
      new Set([...found, ...ownedIds].filter((caseId) => records.solved.has(caseId))).size + onSite,
    talks: hosted('talk'),
    onlineExchanges: hosted('onlineExchange'),
  }
  const followedUp = visits.flatMap(
    (visit) => (visit.content as { followedUpCaseIds?: string[] }).followedUpCaseIds ?? [],
  )
  return { visits: visits.length, done, ownedIds, followedUp }
}

/**
 * Per member of the participating units, every seed quota with its progress and whether they
 * are behind; per participating unit, its weekly receptions (每个单位每周至少接访1次). A staff
 * member sees their own row, a leader their unit subtree's rows, an admin every row.
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
  ).sort({ name: 1, _id: 1 })
  const records = await campaignRecords(campaign, {
    memberIds: members.map((member) => member._id),
    unitIds: viewer.role === 'staff' ? [] : unitScope,
  })
  const unitNames = new Map(
    (
      await UnitModel.find(
        { _id: { $in: [...members.map((m) => m.unitId), ...campaign.unitIds] } },
        { name: 1 },
      )
    ).map((unit) => [String(unit._id), unit.name]),
  )

  const rows = members.map((member) => {
    const id = String(member._id)
    const position = positionOf(member)
    const mine = memberDone(id, records)
    const standing = quotaStanding(mine.done, quotaFor(campaign, position), campaign, now)
    return {
      userId: id,
      name: member.name,
      role: member.role,
      unitId: member.unitId ? String(member.unitId) : null,
      unitName: member.unitId ? (unitNames.get(String(member.unitId)) ?? null) : null,
      positionLevel: position,
      visits: mine.visits,
      ...standing.metrics,
      behind: standing.behind,
      behindOn: standing.behindOn,
      ownership: ownershipFollowUp(mine.ownedIds, mine.followedUp, campaign.ownershipFollowUpTarget),
    }
  })
  const units =
    viewer.role === 'staff' ? [] : await unitReceptions(campaign, records, unitScope, unitNames, now)
  return { campaignId: String(campaign._id), elapsedShare: elapsedShare(campaign, now), rows, units }
}

/** Each listed unit (with its subtree) against the weekly reception rule, within the viewer's scope. */
async function unitReceptions(
  campaign: CampaignDocument,
  records: CampaignRecords,
  unitScope: Types.ObjectId[],
  unitNames: Map<string, string>,
  now: Date,
) {
  const inScope = new Set(unitScope.map(String))
  const roots = campaign.unitIds.filter((id) => inScope.has(String(id)))
  const receptionUnits = await UnitModel.find(
    {
      _id: {
        $in: [...new Set(records.receptions.map((r) => String(r.unitId)).filter((id) => id !== 'null'))],
      },
    },
    { path: 1 },
  )
  const unitById = new Map(receptionUnits.map((unit) => [String(unit._id), unit]))
  return roots.map((root) => {
    const times = records.receptions
      .filter((reception) => {
        const unit = reception.unitId ? unitById.get(String(reception.unitId)) : undefined
        return unit !== undefined && isInSubtree(String(root), unit)
      })
      .map((reception) => reception.receivedAt)
    return {
      unitId: String(root),
      name: unitNames.get(String(root)) ?? null,
      ...weeklyReceptions(times, campaign, now, campaign.unitReceptionsPerWeek ?? 1),
    }
  })
}

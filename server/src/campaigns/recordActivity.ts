import { AppError, stripPersonalData, type CampaignActivityInput } from '@minqing/shared'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { isInSubtree } from '../units/unitTree'
import { UserModel } from '../users/user.model'
import { CampaignActivityModel, type CampaignActivityDocument } from './activity.model'
import type { CampaignDocument } from './campaign.model'
import { participatingUnitIds } from './participation'

const issue = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, code: 'invalid', message }] })

/**
 * Records a campaign activity for a participating unit the recorder belongs to (an admin: any
 * participating unit). Hosts must be staff of participating units; the recorder hosts when none
 * is named. A retry with the same clientId answers the first record (idempotent).
 */
export async function recordActivity(
  campaign: CampaignDocument,
  viewer: Viewer,
  input: CampaignActivityInput,
): Promise<{ activity: CampaignActivityDocument; created: boolean }> {
  const existing = await CampaignActivityModel.findOne({ createdBy: viewer.userId, clientId: input.clientId })
  if (existing) return { activity: existing, created: false }
  if (input.heldOn < campaign.startsOn || input.heldOn > campaign.endsOn)
    throw issue('heldOn', '活动日期不在活动期间内 / The date lies outside the campaign')
  const participating = new Set((await participatingUnitIds(campaign)).map(String))
  const unit = await UnitModel.findById(input.unitId, { path: 1 })
  if (!unit || !participating.has(input.unitId))
    throw issue('unitId', '该单位未参加本次活动 / The unit does not take part')
  if (viewer.role !== 'admin' && (!viewer.unitId || !isInSubtree(viewer.unitId, unit)))
    throw new AppError('FORBIDDEN')
  const hostIds = input.hostIds.length ? [...new Set(input.hostIds)] : [viewer.userId]
  const hosts = await UserModel.find({ _id: { $in: hostIds } }, { unitId: 1 })
  if (hosts.length !== hostIds.length || hosts.some((host) => !participating.has(String(host.unitId))))
    throw issue('hostIds', '主讲/主持人须为参加单位的工作人员 / Hosts must be staff of a participating unit')
  try {
    // Summaries are listed to every participating unit and counted in the report: personal data
    // typed into one is not needed there, so it is never stored (PIPL: minimum necessary).
    const activity = await CampaignActivityModel.create({
      ...input,
      summary: stripPersonalData(input.summary),
      hostIds,
      campaignId: campaign._id,
      createdBy: viewer.userId,
    })
    return { activity, created: true }
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const first = await CampaignActivityModel.findOne({ createdBy: viewer.userId, clientId: input.clientId })
    if (!first) throw error
    return { activity: first, created: false }
  }
}

export function presentActivity(activity: CampaignActivityDocument) {
  return {
    id: String(activity._id),
    clientId: activity.clientId,
    kind: activity.kind,
    heldOn: activity.heldOn,
    unitId: String(activity.unitId),
    hostIds: activity.hostIds.map(String),
    attendees: activity.attendees,
    opinionsCollected: activity.opinionsCollected,
    // Activities recorded before summaries were stripped on write.
    summary: stripPersonalData(activity.summary),
  }
}

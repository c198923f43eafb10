import type { Viewer } from '../http/defineRoute'
import { assertSameTenant } from '../tenants/tenantScope'
import { AppError, objectIdSchema } from '@minqing/shared'
import type { Types } from 'mongoose'
import { UnitModel } from '../units/unit.model'
import { isInSubtree } from '../units/unitTree'
import { CampaignModel, type CampaignDocument } from './campaign.model'

/** A campaign by id, or NOT_FOUND (a malformed id is simply not found). */
export async function findCampaign(id: string, viewer?: Pick<Viewer, 'tenantId'>): Promise<CampaignDocument> {
  if (!objectIdSchema.safeParse(id).success) throw new AppError('NOT_FOUND')
  const campaign = await CampaignModel.findById(id)
  if (!campaign) throw new AppError('NOT_FOUND')
  // Another district's campaign does not exist for this viewer (tenants/).
  if (viewer) assertSameTenant(viewer, campaign)
  return campaign
}

/** Whether a unit takes part: it is one of the campaign's units or lies below one. */
export async function unitTakesPart(
  campaign: { unitIds: Types.ObjectId[] },
  unitId: string | null,
): Promise<boolean> {
  if (!unitId) return false
  const unit = await UnitModel.findById(unitId, { path: 1 })
  if (!unit) return false
  return campaign.unitIds.some((root) => isInSubtree(String(root), unit))
}

/** The unit ids taking part in a campaign (each listed unit's whole subtree). */
export async function participatingUnitIds(campaign: { unitIds: Types.ObjectId[] }) {
  const units = await UnitModel.find(
    { $or: [{ _id: { $in: campaign.unitIds } }, { path: { $in: campaign.unitIds } }] },
    { _id: 1 },
  )
  return units.map((unit) => unit._id)
}

import { tenantUnitIds } from '../tenants/tenantScope'
import { AppError } from '@minqing/shared'
import mongoose, { type FilterQuery } from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { subtreeUnitIds } from '../units/unitTree'
import { HouseholdModel, type HouseholdDocument } from './household.model'

/**
 * Which households a viewer may find and open. Visits are read by their authors and by leaders of
 * the unit subtree; a household is shared work, so every staff member and leader sees the
 * households of their own unit's subtree (by the household's unit or its grid), plus those they
 * recorded themselves. Admins see all. Nothing outside is returned, not even a masked name.
 */
export async function householdScope(viewer: Viewer): Promise<FilterQuery<unknown>> {
  if (viewer.role === 'admin') {
    // A tenant admin sees their district's households; a city-level admin all (tenants/).
    const units = await tenantUnitIds(viewer)
    return units ? { $or: [{ unitId: { $in: units } }, { gridId: { $in: units } }] } : {}
  }
  const mine = { createdBy: new mongoose.Types.ObjectId(viewer.userId) }
  if (!viewer.unitId) return mine
  const units = await subtreeUnitIds(viewer.unitId)
  return { $or: [{ unitId: { $in: units } }, { gridId: { $in: units } }, mine] }
}

/** The household if the viewer may open it; NOT_FOUND otherwise (no hint that it exists). */
export async function findVisibleHousehold(viewer: Viewer, id: string): Promise<HouseholdDocument> {
  const household = mongoose.isValidObjectId(id)
    ? await HouseholdModel.findOne({ $and: [{ _id: id }, await householdScope(viewer)] })
    : null
  if (!household) throw new AppError('NOT_FOUND')
  return household
}

/** Whether a visit may be linked to the household: the same scope as opening it. */
export async function householdVisible(viewer: Viewer, id: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(id)) return false
  return (await HouseholdModel.exists({ $and: [{ _id: id }, await householdScope(viewer)] })) !== null
}

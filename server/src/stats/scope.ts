import type { Types } from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { tenantUnitIds } from '../tenants/tenantScope'
import { subtreeUnitIds } from '../units/unitTree'

/**
 * The units whose figures a viewer may see: a leader's own unit and everything below it; null
 * (no limit) for admins. The same rule as the rates, ranking and visit figures.
 */
export async function statsScope(viewer: Viewer): Promise<Types.ObjectId[] | null> {
  // Rollups are kept per unit, so a tenant admin's figures are those of their district's units.
  if (viewer.role === 'admin') return tenantUnitIds(viewer)
  return viewer.role === 'leader' && viewer.unitId ? subtreeUnitIds(viewer.unitId) : null
}

import type { UserDocument } from '../users/user.model'
import { tenantOfUnitId } from './tenantScope'

/**
 * The tenant an access token carries: an admin's own (null = city level); a staff member's
 * their unit's; residents and operators without
 * a unit are city level — residents are scoped to their own records, not by tenant.
 */
export async function tenantOfUser(user: Pick<UserDocument, 'role' | 'unitId' | 'tenantId'>) {
  if (user.role === 'resident') return null
  if (user.role === 'admin' || !user.unitId) return user.tenantId ? String(user.tenantId) : null
  // The unit decides (it may have moved); the stored copy only serves the admins' user lists.
  return tenantOfUnitId(user.unitId)
}

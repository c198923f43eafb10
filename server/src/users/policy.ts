import type { Viewer } from '../http/defineRoute'
import { isInSubtree } from '../units/unitTree'
import type { UnitDocument } from '../units/unit.model'
import type { UserDocument } from './user.model'

/**
 * Who may see whom. Admins see everyone; a leader sees the people of their own unit's subtree;
 * everyone sees themselves. Full phone numbers go only to those who may contact the person.
 */
export function canViewUser(viewer: Viewer, target: UserDocument, targetUnit: UnitDocument | null): boolean {
  if (viewer.role === 'admin' || viewer.userId === target.id) return true
  if (viewer.role !== 'leader' || !viewer.unitId || !targetUnit) return false
  return isInSubtree(viewer.unitId, targetUnit)
}

export function canSeeFullPhone(viewer: Viewer, target: UserDocument): boolean {
  return viewer.role === 'admin' || viewer.role === 'leader' || viewer.userId === target.id
}

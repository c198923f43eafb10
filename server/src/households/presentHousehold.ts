import { maskAddress, maskPhone } from '@minqing/shared'
import type { HouseholdDocument } from './household.model'

/** A household as listed: the head's name (the viewer is in scope), address and phone masked. */
export function presentHouseholdSummary(household: HouseholdDocument) {
  return {
    id: String(household._id),
    headName: household.headName,
    address: maskAddress(household.address) ?? '',
    phone: maskPhone(household.phone) ?? null,
    tags: household.tags,
    unitId: household.unitId ? String(household.unitId) : null,
    gridId: household.gridId ? String(household.gridId) : null,
    memberCount: household.members.length,
  }
}

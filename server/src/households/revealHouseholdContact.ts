import type { Viewer } from '../http/defineRoute'
import { HouseholdContactViewModel, type HouseholdDocument } from './household.model'

/** The household's contact, logged before it is answered (fail closed: no log, no answer). */
export async function revealHouseholdContact(viewer: Viewer, household: HouseholdDocument, at: Date) {
  await HouseholdContactViewModel.create({
    viewerId: viewer.userId,
    viewerRole: viewer.role,
    viewerUnitId: viewer.unitId,
    householdId: household._id,
    fields: household.phone ? ['phone', 'address'] : ['address'],
    at,
  })
  return { phone: household.phone ?? null, address: household.address }
}

import { AppError, householdKey, type HouseholdInput } from '@minqing/shared'
import { currentAreaIndex } from '../areas/areaIndex'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import { sameTenant } from '../tenants/tenantScope'
import { UnitModel } from '../units/unit.model'
import { HouseholdModel, type HouseholdDocument } from './household.model'
import { phoneDigest } from './phoneDigest'

/** The grid a household lives in: the one named (it must be a grid), else the grid around its location. */
async function gridFor(viewer: Viewer, input: HouseholdInput): Promise<string | null> {
  if (input.gridId) {
    const grid = await UnitModel.findById(input.gridId, { level: 1, tenantId: 1 })
    // Another district's grid is not one this viewer may name: as if it did not exist.
    if (!grid || grid.level !== 'grid' || !sameTenant(viewer, grid))
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'gridId', code: 'not_found', message: '网格不存在 / Unknown grid' }],
      })
    return input.gridId
  }
  if (!input.location) return null
  const index = await currentAreaIndex()
  return (
    index.containing(input.location.lng, input.location.lat).find((unit) => unit.level === 'grid')?.id ?? null
  )
}

/** Registers a household under the viewer's unit; the same household twice in one unit is a 409. */
export async function createHousehold(
  viewer: Viewer,
  input: HouseholdInput,
  secret: string,
): Promise<HouseholdDocument> {
  try {
    return await HouseholdModel.create({
      headName: input.headName,
      address: input.address,
      householdKey: householdKey({ name: input.headName, address: input.address }),
      unitId: viewer.unitId,
      gridId: await gridFor(viewer, input),
      location: input.location ?? null,
      phone: input.phone ?? null,
      phoneHash: phoneDigest(secret, input.phone),
      members: input.members,
      tags: input.tags,
      createdBy: viewer.userId,
    })
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('HOUSEHOLD_EXISTS')
    throw error
  }
}

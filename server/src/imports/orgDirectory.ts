import { AppError } from '@minqing/shared'
import { IdentityModel } from '../users/identity.model'
import { UnitModel } from '../units/unit.model'
import type { OrgDirectory } from './planOrgImport'

/** The chosen unit, the units below it (disabled ones too: their names are still taken). */
export async function loadUnitsBelow(rootId: string) {
  const root = await UnitModel.findById(rootId)
  if (!root) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        { path: 'parentId', code: 'not_found', message: '所选上级单位不存在 / Parent unit not found' },
      ],
    })
  }
  const below = await UnitModel.find({ path: root._id }).sort({ path: 1, name: 1, _id: 1 }).lean()
  return { root, below }
}

/** What the import plan checks references and duplicates against. */
export async function loadOrgDirectory(rootId: string, phones: string[]): Promise<OrgDirectory> {
  const { root, below } = await loadUnitsBelow(rootId)
  if (root.disabled) throw new AppError('UNIT_DISABLED')
  const taken = new Set<string>()
  const unique = [...new Set(phones)]
  // Batches keep each $in small (FerretDB does not push $in down to an index).
  for (let start = 0; start < unique.length; start += 200) {
    const rows = await IdentityModel.find(
      { provider: 'phone', key: { $in: unique.slice(start, start + 200) } },
      { key: 1 },
    ).lean()
    for (const row of rows) taken.add(row.key)
  }
  return {
    root: { id: root.id as string, name: root.name, level: root.level },
    existing: below.map((unit) => ({
      id: String(unit._id),
      name: unit.name,
      level: unit.level,
      parentId: String(unit.parentId) === String(root._id) ? null : String(unit.parentId),
    })),
    takenPhones: taken,
  }
}

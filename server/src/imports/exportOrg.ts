import { positionLevelLabels, roleLabels, unitLevelLabels, type PositionLevel } from '@minqing/shared'
import type { Types } from 'mongoose'
import { UserModel } from '../users/user.model'
import { loadUnitsBelow } from './orgDirectory'
import { orgWorkbook } from './orgWorkbook'

/**
 * The units below a unit and their staff as the import reads them: paths are written from the
 * chosen unit, so the file imports back under any other unit. Disabled units (with what lies
 * below them) and disabled accounts are left out.
 */
export async function exportOrg(unitId: string) {
  const { root, below } = await loadUnitsBelow(unitId)
  const byId = new Map(below.map((unit) => [String(unit._id), unit]))
  const pathOf = (id: Types.ObjectId | null | undefined): string | null => {
    if (!id || String(id) === String(root._id)) return ''
    const unit = byId.get(String(id))
    if (!unit || unit.disabled) return null
    const above = pathOf(unit.parentId)
    return above === null ? null : above ? `${above}/${unit.name}` : unit.name
  }
  const units = below
    .map((unit) => ({ unit, path: pathOf(unit._id), parent: pathOf(unit.parentId) }))
    .filter((item) => item.path !== null)
    .sort(
      (a, b) =>
        a.unit.path.length - b.unit.path.length ||
        a.path!.localeCompare(b.path!, 'zh-CN') ||
        String(a.unit._id).localeCompare(String(b.unit._id)),
    )
  const unitIds = [root._id, ...units.map((item) => item.unit._id)]
  const people = await UserModel.find(
    { unitId: { $in: unitIds }, role: { $ne: 'resident' }, disabled: { $ne: true }, isGuest: { $ne: true } },
    { name: 1, phone: 1, role: 1, unitId: 1, positionLevel: 1 },
  )
    .sort({ unitId: 1, name: 1, _id: 1 })
    .lean()
  const staff = people.filter((person) => person.phone)
  const book = orgWorkbook({
    units: units.map((item) => [item.unit.name, item.parent!, unitLevelLabels[item.unit.level]]),
    users: staff.map((person) => [
      person.name,
      person.phone!,
      roleLabels[person.role],
      pathOf(person.unitId) ?? '',
      person.positionLevel ? positionLevelLabels[person.positionLevel as PositionLevel] : '',
    ]),
  })
  return { root, people: staff.length, buffer: Buffer.from(await book.xlsx.writeBuffer()) }
}

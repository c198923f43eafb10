import { AppError, roleLabels, type OrgActivation, type OrgImportResponse } from '@minqing/shared'
import { Types } from 'mongoose'
import { recordConfigChange } from '../audit/recordConfigChange'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { presentUnit, createUnit } from '../units/unitTree'
import { UnitModel } from '../units/unit.model'
import { auditedUser } from '../users/auditedUser'
import { createUser } from '../users/createUser'
import { IdentityModel } from '../users/identity.model'
import { temporaryPassword } from '../users/resetPassword'
import { UserModel, type UserDocument } from '../users/user.model'
import type { UnitDocument } from '../units/unit.model'
import { loadOrgDirectory } from './orgDirectory'
import { planOrgImport, type OrgPlan, type UnitKey } from './planOrgImport'
import type { SheetRow } from './readSheet'

export interface OrgImportOptions {
  parentId: string
  dryRun: boolean
  /** Test seam: runs between validation and the first write (a concurrent change happens here). */
  afterValidate?: () => Promise<void>
}

/**
 * Imports units and staff under the chosen unit. Every row of both sheets is checked first; a
 * file with any error writes nothing. Writes go through the same functions as the single-record
 * routes (createUnit, createUser), so whatever they stamp (tenant, defaults) lands here too.
 * FerretDB has no transactions: when a write fails part-way (a name or phone taken meanwhile),
 * everything this import wrote is deleted again and ORG_IMPORT_UNDONE answered.
 */
export async function importOrg(
  deps: AppDeps,
  viewer: Viewer,
  sheets: { units: SheetRow[]; users: SheetRow[] },
  options: OrgImportOptions,
): Promise<OrgImportResponse> {
  const phones = sheets.users.map(({ cells }) => String(cells['手机号'] ?? '').trim()).filter(Boolean)
  const directory = await loadOrgDirectory(options.parentId, phones)
  const plan = planOrgImport(sheets, directory)
  const counts = { units: plan.units.length, users: plan.users.length }
  if (plan.errors.length)
    return { dryRun: options.dryRun, imported: { units: 0, users: 0 }, errors: plan.errors, activations: [] }
  if (options.dryRun) return { dryRun: true, imported: counts, errors: [], activations: [] }
  await options.afterValidate?.()
  const activations = await writePlan(deps, viewer, plan, options.parentId)
  return { dryRun: false, imported: counts, errors: [], activations }
}

async function writePlan(
  deps: AppDeps,
  viewer: Viewer,
  plan: OrgPlan,
  rootId: string,
): Promise<OrgActivation[]> {
  const units = new Map<number, UnitDocument>()
  const users: UserDocument[] = []
  const activations: OrgActivation[] = []
  const idOf = (key: UnitKey) =>
    key.kind === 'root' ? rootId : key.kind === 'existing' ? key.id : (units.get(key.index)!.id as string)
  try {
    for (const unit of plan.units)
      units.set(
        unit.index,
        await createUnit({ name: unit.name, level: unit.level, parentId: idOf(unit.parent) }),
      )
    for (const person of plan.users) {
      const password = temporaryPassword(person.phone)
      const user = await createUser({
        name: person.name,
        phone: person.phone,
        role: person.role,
        password,
        unitId: idOf(person.unit),
        positionLevel: person.positionLevel ?? undefined,
      })
      users.push(user)
      // The one-time password only serves to choose a new one, as after an admin's reset.
      await UserModel.updateOne({ _id: user._id }, { $set: { mustChangePassword: true } })
      activations.push({
        userId: user.id as string,
        name: user.name,
        phone: person.phone,
        unit: person.unitPath,
        role: roleLabels[person.role],
        temporaryPassword: password,
      })
    }
    for (const unit of units.values())
      await recordConfigChange(deps, viewer, {
        entityType: 'unit',
        entityId: unit.id as string,
        action: 'import',
        after: { ...presentUnit(unit), hasArea: undefined },
      })
    for (const user of users)
      await recordConfigChange(deps, viewer, {
        entityType: 'user',
        entityId: user.id as string,
        action: 'import',
        after: auditedUser(user),
      })
  } catch (error) {
    await undo(
      deps,
      [...units.values()].map((unit) => unit._id),
      users.map((user) => user._id),
    )
    // Ids and counts only: the rows hold names and phones.
    deps.logger.warn(
      { err: error, by: viewer.userId, unitsUndone: units.size, usersUndone: users.length },
      'org import failed part-way and was undone',
    )
    throw new AppError('ORG_IMPORT_UNDONE', { cause: error })
  }
  deps.logger.info({ by: viewer.userId, units: units.size, users: users.length }, 'org import')
  return activations
}

async function undo(deps: AppDeps, unitIds: Types.ObjectId[], userIds: Types.ObjectId[]) {
  try {
    if (userIds.length) {
      await IdentityModel.deleteMany({ userId: { $in: userIds } })
      await UserModel.deleteMany({ _id: { $in: userIds } })
    }
    if (unitIds.length) await UnitModel.deleteMany({ _id: { $in: unitIds } })
  } catch (error) {
    deps.logger.error(
      { err: error, unitIds: unitIds.map(String), userIds: userIds.map(String) },
      'org import could not undo its writes: remove these records by hand',
    )
  }
}

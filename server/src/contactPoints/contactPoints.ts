import {
  AppError,
  stripPersonalData,
  type ContactActivityInput,
  type ContactPointInput,
} from '@minqing/shared'
import { assertUnitInTenant, tenantUnitIds } from '../tenants/tenantScope'
import type { Types } from 'mongoose'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { isInSubtree, subtreeUnitIds } from '../units/unitTree'
import { UserModel } from '../users/user.model'
import {
  ContactActivityModel,
  ContactPointModel,
  type ContactActivityDocument,
  type ContactPointDocument,
} from './contactPoint.model'

const issue = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, code: 'invalid', message }] })

/** The units a viewer's contact points are drawn from: all for admins, else their unit's subtree. */
export async function contactScope(viewer: Viewer): Promise<Types.ObjectId[] | null> {
  // A tenant admin's are their district's units (tenants/); a city-level admin's all.
  if (viewer.role === 'admin') return tenantUnitIds(viewer)
  if (!viewer.unitId) return []
  return subtreeUnitIds(viewer.unitId)
}

/** Admins name contact points for any unit, leaders for units in their subtree. */
export async function createContactPoint(viewer: Viewer, input: ContactPointInput) {
  const unit = await UnitModel.findById(input.unitId, { path: 1 })
  if (!unit) throw issue('unitId', '单位不存在 / Unknown unit')
  await assertUnitInTenant(viewer, input.unitId)
  if (viewer.role !== 'admin' && (!viewer.unitId || !isInSubtree(viewer.unitId, unit)))
    throw new AppError('FORBIDDEN')
  const leader = await UserModel.findById(input.leaderId, { unitId: 1, role: 1 })
  const leaderUnit = leader?.unitId ? await UnitModel.findById(leader.unitId, { path: 1 }) : null
  if (
    !leader ||
    !['leader', 'staff'].includes(leader.role) ||
    !leaderUnit ||
    !isInSubtree(input.unitId, leaderUnit)
  )
    throw issue('leaderId', '联系领导须为本单位人员 / The leader must belong to the unit')
  try {
    return await ContactPointModel.create({ ...input, createdBy: viewer.userId })
  } catch (error) {
    if (isDuplicateKey(error))
      throw issue('name', '本单位已有同名的联系点 / The unit already has one by that name')
    throw error
  }
}

/** A contact point the viewer may see, or NOT_FOUND (others' points are not revealed). */
export async function findContactPoint(viewer: Viewer, id: string): Promise<ContactPointDocument> {
  const point = /^[a-f0-9]{24}$/.test(id) ? await ContactPointModel.findById(id) : null
  if (!point) throw new AppError('NOT_FOUND')
  const scope = await contactScope(viewer)
  if (scope && !scope.some((unitId) => String(unitId) === String(point.unitId)))
    throw new AppError('NOT_FOUND')
  return point
}

/** Logs an activity at a contact point; a retry with the same clientId answers the first entry. */
export async function logContactActivity(
  viewer: Viewer,
  point: ContactPointDocument,
  input: ContactActivityInput,
): Promise<{ entry: ContactActivityDocument; created: boolean }> {
  const existing = await ContactActivityModel.findOne({ by: viewer.userId, clientId: input.clientId })
  if (existing) return { entry: existing, created: false }
  try {
    // The log is read by the unit and reported upward as a ledger: a phone, ID number or door
    // address typed into it is not needed there, so it is never stored (PIPL: minimum necessary).
    const entry = await ContactActivityModel.create({
      ...input,
      summary: stripPersonalData(input.summary),
      contactPointId: point._id,
      unitId: point.unitId,
      by: viewer.userId,
    })
    return { entry, created: true }
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return {
      entry: (await ContactActivityModel.findOne({ by: viewer.userId, clientId: input.clientId }))!,
      created: false,
    }
  }
}

/** Contact points with unit and leader names and their activity counts, for lists and the ledger. */
export async function presentContactPoints(points: ContactPointDocument[]) {
  const ids = points.map((point) => point._id)
  const [units, leaders, activities] = await Promise.all([
    UnitModel.find({ _id: { $in: points.map((point) => point.unitId) } }, { name: 1 }),
    UserModel.find({ _id: { $in: points.map((point) => point.leaderId) } }, { name: 1 }),
    ContactActivityModel.find({ contactPointId: { $in: ids } }, { contactPointId: 1, heldOn: 1 }),
  ])
  const unitName = new Map(units.map((unit) => [String(unit._id), unit.name]))
  const leaderName = new Map(leaders.map((user) => [String(user._id), user.name]))
  return points.map((point) => {
    const mine = activities.filter((entry) => String(entry.contactPointId) === String(point._id))
    return {
      id: String(point._id),
      unitId: String(point.unitId),
      unitName: unitName.get(String(point.unitId)) ?? null,
      kind: point.kind as 'contactPoint' | 'partner',
      targetType: point.targetType as 'village' | 'community' | 'enterprise' | 'school' | 'other',
      name: point.name,
      leaderId: String(point.leaderId),
      leaderName: leaderName.get(String(point.leaderId)) ?? null,
      since: point.since,
      notes: point.notes,
      activities: mine.length,
      lastActivityOn:
        mine
          .map((entry) => entry.heldOn)
          .sort()
          .at(-1) ?? null,
    }
  })
}

export async function presentContactActivities(entries: ContactActivityDocument[]) {
  const people = await UserModel.find({ _id: { $in: entries.map((entry) => entry.by) } }, { name: 1 })
  const names = new Map(people.map((user) => [String(user._id), user.name]))
  return entries.map((entry) => ({
    id: String(entry._id),
    contactPointId: String(entry.contactPointId),
    heldOn: entry.heldOn,
    // Entries logged before the log was stripped on write.
    summary: stripPersonalData(entry.summary),
    byName: names.get(String(entry.by)) ?? null,
  }))
}

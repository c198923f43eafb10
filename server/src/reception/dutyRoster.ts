import { assertUnitInTenant } from '../tenants/tenantScope'
import { AppError, chinaDate, type DutyRosterInput } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { isInSubtree } from '../units/unitTree'
import { UserModel } from '../users/user.model'
import { DutyModel } from './reception.model'
import { upsert } from '../db/duplicateKey'

/** Admins set any unit's roster; a leader only their own unit's subtree. */
async function assertMayManage(viewer: Viewer, unitId: string): Promise<void> {
  const unit = await UnitModel.findById(unitId, { path: 1 })
  if (!unit) throw new AppError('NOT_FOUND')
  // A tenant admin manages their own district's units only (404 for another's, tenants/).
  if (viewer.role === 'admin') return assertUnitInTenant(viewer, unitId)
  if (!viewer.unitId || !isInSubtree(viewer.unitId, unit)) throw new AppError('FORBIDDEN')
}

/** Sets (or replaces) the duty leader for each listed day; the leader must belong to the unit. */
export async function setDutyRoster(viewer: Viewer, input: DutyRosterInput) {
  await assertMayManage(viewer, input.unitId)
  const leaderIds = [...new Set(input.assignments.map((entry) => entry.leaderId))]
  const leaders = await UserModel.countDocuments({
    _id: { $in: leaderIds },
    unitId: input.unitId,
    role: { $in: ['leader', 'staff'] },
  })
  if (leaders !== leaderIds.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: 'assignments',
          code: 'not_found',
          message: '值班领导须为本单位人员 / The duty leader must belong to the unit',
        },
      ],
    })
  }
  for (const entry of input.assignments) {
    await upsert(
      DutyModel,
      { unitId: input.unitId, date: entry.date },
      { $set: { leaderId: entry.leaderId, place: entry.place, assignedBy: viewer.userId } },
    )
  }
  return listDuty({ unitId: input.unitId, from: input.assignments[0]!.date, to: '9999-12-31' })
}

export async function listDuty(filter: { unitId?: string; leaderId?: string; from: string; to: string }) {
  const entries = await DutyModel.find({
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.leaderId ? { leaderId: filter.leaderId } : {}),
    date: { $gte: filter.from, $lte: filter.to },
  })
    .sort({ date: 1 })
    .limit(400)
  const names = new Map(
    (await UserModel.find({ _id: { $in: entries.map((entry) => entry.leaderId) } }, { name: 1 })).map(
      (user) => [String(user._id), user.name],
    ),
  )
  return entries.map((entry) => ({
    unitId: String(entry.unitId),
    date: entry.date,
    leaderId: String(entry.leaderId),
    leaderName: names.get(String(entry.leaderId)) ?? null,
    place: entry.place,
  }))
}

export const chinaToday = (now: Date) => chinaDate(now).format('YYYY-MM-DD')

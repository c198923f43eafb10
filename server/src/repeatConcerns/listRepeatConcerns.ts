import { tenantUnitIds } from '../tenants/tenantScope'
import type { FilterQuery } from 'mongoose'
import mongoose from 'mongoose'
import { AppError } from '@minqing/shared'
import { CaseModel } from '../cases/case.model'
import type { Viewer } from '../http/defineRoute'
import { subtreeUnitIds } from '../units/unitTree'
import { UserModel } from '../users/user.model'
import { RepeatConcernModel, type RepeatConcernDocument } from './repeatConcern.model'

/** Leaders see the repeat concerns of their unit subtree and those they own (包案); admins all. */
export async function repeatConcernScope(viewer: Viewer): Promise<FilterQuery<unknown>> {
  if (viewer.role === 'admin') {
    // A tenant admin's are their district's units' concerns (tenants/); a city-level admin all.
    const units = await tenantUnitIds(viewer)
    return units ? { unitId: { $in: units } } : {}
  }
  const owned = { ownerLeaderId: new mongoose.Types.ObjectId(viewer.userId) }
  if (!viewer.unitId) return owned
  return { $or: [{ unitId: { $in: await subtreeUnitIds(viewer.unitId) } }, owned] }
}

export async function findVisibleRepeatConcern(viewer: Viewer, id: string) {
  const flag = mongoose.isValidObjectId(id)
    ? await RepeatConcernModel.findOne({ $and: [{ _id: id }, await repeatConcernScope(viewer)] })
    : null
  if (!flag) throw new AppError('NOT_FOUND')
  return flag
}

/** The leaders' list (信访积案 / 未息诉息访): soonest deadline first. */
export async function listRepeatConcerns(viewer: Viewer, query: { caseId?: string; limit: number }) {
  const conditions: FilterQuery<unknown>[] = [await repeatConcernScope(viewer)]
  if (query.caseId) conditions.push({ caseId: query.caseId })
  return RepeatConcernModel.find({ $and: conditions }).sort({ deadline: 1, _id: 1 }).limit(query.limit)
}

export async function presentRepeatConcerns(flags: RepeatConcernDocument[], now: Date) {
  const caseIds = flags.flatMap((flag) => [flag.caseId, ...flag.previousCaseIds])
  const cases = new Map(
    (await CaseModel.find({ _id: { $in: caseIds } }, { number: 1, title: 1, status: 1, closedAt: 1 })).map(
      (record) => [String(record._id), record],
    ),
  )
  const leaders = new Map(
    (await UserModel.find({ _id: { $in: flags.map((flag) => flag.ownerLeaderId) } }, { name: 1 })).map(
      (user) => [String(user._id), user.name],
    ),
  )
  return flags.map((flag) => {
    const record = cases.get(String(flag.caseId))
    const settled = record?.status === 'closed'
    return {
      id: String(flag._id),
      caseId: String(flag.caseId),
      caseNumber: flag.caseNumber,
      title: record?.title ?? '',
      status: record?.status ?? 'unknown',
      unitId: flag.unitId ? String(flag.unitId) : null,
      householdId: flag.householdId ? String(flag.householdId) : null,
      matchedBy: flag.matchedBy,
      reason: flag.reason,
      previousCases: flag.previousCaseIds.map((id) => {
        const previous = cases.get(String(id))
        return {
          id: String(id),
          number: previous?.number ?? '',
          closedAt: previous?.closedAt ? previous.closedAt.toISOString() : null,
        }
      }),
      ownerLeaderId: flag.ownerLeaderId ? String(flag.ownerLeaderId) : null,
      ownerLeaderName: flag.ownerLeaderId ? (leaders.get(String(flag.ownerLeaderId)) ?? null) : null,
      deadline: flag.deadline.toISOString(),
      overdue: !settled && flag.deadline.getTime() < now.getTime(),
      flaggedAt: flag.flaggedAt.toISOString(),
    }
  })
}

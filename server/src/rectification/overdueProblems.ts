import { tenantUnitIds } from '../tenants/tenantScope'
import mongoose, { type FilterQuery } from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { subtreeUnitIds } from '../units/unitTree'
import { namesFor } from './presentRectification'
import { RectificationListModel, RectificationProblemModel } from './rectification.model'

/**
 * Overdue rectification problems for the supervision board, beside overdue cases: those whose lead
 * unit is in the leader's subtree, that they are responsible for, or that are on a list they own.
 */
export async function overdueRectificationProblems(viewer: Viewer, now: Date) {
  const overdue: FilterQuery<unknown> = { status: { $in: ['open', 'awaitingApproval'] }, dueAt: { $lt: now } }
  let scope: FilterQuery<unknown> = {}
  const tenantUnits = viewer.role === 'admin' ? await tenantUnitIds(viewer) : null
  if (tenantUnits) scope = { leadUnitId: { $in: tenantUnits } }
  if (viewer.role !== 'admin') {
    const owned = (await RectificationListModel.find({ ownerId: viewer.userId }, { _id: 1 })).map(
      (list) => list._id,
    )
    scope = {
      $or: [
        { responsibleLeaderId: new mongoose.Types.ObjectId(viewer.userId) },
        { listId: { $in: owned } },
        ...(viewer.unitId ? [{ leadUnitId: { $in: await subtreeUnitIds(viewer.unitId) } }] : []),
      ],
    }
  }
  const problems = await RectificationProblemModel.find({ $and: [overdue, scope] })
    .sort({ dueAt: 1, _id: 1 })
    .limit(200)
  const names = await namesFor(problems)
  return problems.map((problem) => ({
    kind: 'rectification' as const,
    id: String(problem._id),
    listId: String(problem.listId),
    no: problem.no,
    description: problem.description,
    deadline: problem.deadline,
    status: problem.status,
    responsibleLeaderName: names.leader.get(String(problem.responsibleLeaderId)) ?? '',
    leadUnitName: names.unit.get(String(problem.leadUnitId)) ?? '',
  }))
}

import { tenantUnitIds } from '../tenants/tenantScope'
import { AppError, type RectificationAction } from '@minqing/shared'
import mongoose from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { subtreeUnitIds } from '../units/unitTree'
import {
  RectificationListModel,
  RectificationProblemModel,
  type RectificationListDocument,
  type RectificationProblemDocument,
} from './rectification.model'

/** The viewer's unit and its ancestors: a lead unit's people are those inside it. */
export async function viewerUnitChain(viewer: Viewer): Promise<string[]> {
  if (!viewer.unitId) return []
  const unit = await UnitModel.findById(viewer.unitId, { path: 1 })
  return unit ? [viewer.unitId, ...unit.path.map(String)] : []
}

/** Those who do the work: the responsible leader, and the people of the lead unit (or units inside it). */
export function isWorker(viewer: Viewer, chain: string[], problem: RectificationProblemDocument): boolean {
  return String(problem.responsibleLeaderId) === viewer.userId || chain.includes(String(problem.leadUnitId))
}

/**
 * What the viewer may do with a problem now. Reporting progress and asking for 销号 belong to the
 * workers; approving 销号 and the 回头看 belong to the list's owner alone (not even an admin: the
 * approval is the owner's signature).
 */
export function problemActions(
  viewer: Viewer,
  chain: string[],
  list: RectificationListDocument,
  problem: RectificationProblemDocument,
): RectificationAction[] {
  const owner = String(list.ownerId) === viewer.userId
  const worker = isWorker(viewer, chain, problem)
  const actions: RectificationAction[] = []
  if (problem.status === 'open' && worker) actions.push('progress', 'requestClosure')
  if (problem.status === 'awaitingApproval') {
    if (worker) actions.push('progress')
    if (owner) actions.push('approve', 'reject')
  }
  // 调整 (延期, measures, who): the owner's, while the work is not struck off.
  if (problem.status !== 'closed' && owner) actions.push('adjust')
  if (problem.status === 'closed' && owner) {
    if (!problem.recheck || problem.recheck.result) actions.push('scheduleRecheck')
    if (problem.recheck && !problem.recheck.result) actions.push('recordRecheck')
  }
  return actions
}

/** Lists the viewer may read: admin all; the owner; leaders above its unit; anyone working on one of its problems. */
export async function visibleListIds(viewer: Viewer): Promise<mongoose.Types.ObjectId[] | null> {
  if (viewer.role === 'admin') {
    // A tenant admin reads their district's lists; a city-level admin all (tenants/).
    const units = await tenantUnitIds(viewer)
    if (!units) return null
    return (await RectificationListModel.find({ unitId: { $in: units } }, { _id: 1 })).map((list) => list._id)
  }
  const chain = await viewerUnitChain(viewer)
  const ids = new Set<string>()
  for (const list of await RectificationListModel.find({ ownerId: viewer.userId }, { _id: 1 }))
    ids.add(String(list._id))
  if (viewer.role === 'leader' && viewer.unitId) {
    const units = await subtreeUnitIds(viewer.unitId)
    for (const list of await RectificationListModel.find({ unitId: { $in: units } }, { _id: 1 }))
      ids.add(String(list._id))
  }
  const worked = [
    { responsibleLeaderId: viewer.userId },
    ...(chain.length ? [{ leadUnitId: { $in: chain } }] : []),
  ]
  for (const filter of worked)
    for (const problem of await RectificationProblemModel.find(filter, { listId: 1 }).limit(2000))
      ids.add(String(problem.listId))
  return [...ids].map((id) => new mongoose.Types.ObjectId(id))
}

export async function findReadableList(viewer: Viewer, id: string): Promise<RectificationListDocument> {
  const list = mongoose.isValidObjectId(id) ? await RectificationListModel.findById(id) : null
  if (!list) throw new AppError('NOT_FOUND')
  const visible = await visibleListIds(viewer)
  if (visible && !visible.some((listId) => listId.equals(list._id))) throw new AppError('NOT_FOUND')
  return list
}

/** A problem with its list, if the viewer may read the list. */
export async function findReadableProblem(viewer: Viewer, id: string) {
  const problem = mongoose.isValidObjectId(id) ? await RectificationProblemModel.findById(id) : null
  if (!problem) throw new AppError('NOT_FOUND')
  const list = await findReadableList(viewer, String(problem.listId))
  return { list, problem, chain: await viewerUnitChain(viewer) }
}

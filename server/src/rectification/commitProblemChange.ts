import { AppError, type RectificationStatus } from '@minqing/shared'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import {
  RectificationEventModel,
  RectificationProblemModel,
  type RectificationProblemDocument,
} from './rectification.model'

export interface ProblemChange {
  action: string
  to: RectificationStatus
  set?: Record<string, unknown>
  push?: Record<string, unknown>
  note?: string | null
  data?: Record<string, unknown>
}

/**
 * Commits one change to a problem the way cases do (cases/commitChange.ts): the event goes first
 * with the next sequence number, and the unique (problemId, seq) index lets one concurrent writer
 * win; the problem is then updated conditionally on that sequence.
 */
export async function commitProblemChange(
  problem: RectificationProblemDocument,
  change: ProblemChange,
  viewer: Viewer,
  at: Date,
): Promise<RectificationProblemDocument> {
  const seq = problem.eventSeq + 1
  try {
    await RectificationEventModel.create({
      problemId: problem._id,
      listId: problem.listId,
      seq,
      action: change.action,
      from: problem.status,
      to: change.to,
      actor: { userId: viewer.userId, role: viewer.role, unitId: viewer.unitId },
      at,
      note: change.note ?? null,
      data: { ...change.data, set: change.set ?? {}, push: change.push ?? {} },
    })
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('RECTIFICATION_CHANGED')
    throw error
  }
  const update: Record<string, unknown> = { $set: { ...change.set, status: change.to, eventSeq: seq } }
  if (change.push) update.$push = change.push
  const updated = await RectificationProblemModel.findOneAndUpdate(
    { _id: problem._id, eventSeq: seq - 1 },
    update,
    { new: true },
  )
  if (!updated) throw new AppError('RECTIFICATION_CHANGED')
  return updated
}

import { AppError, type RectificationAction } from '@minqing/shared'
import { ownedFilesExist } from '../files/gridfs'
import type { Viewer } from '../http/defineRoute'
import { commitProblemChange } from './commitProblemChange'
import { isWorker, problemActions } from './policy'
import type { RectificationListDocument, RectificationProblemDocument } from './rectification.model'

interface Target {
  viewer: Viewer
  chain: string[]
  list: RectificationListDocument
  problem: RectificationProblemDocument
  now: Date
}

/** Refuses an action the viewer may not take now: 403 if it is never theirs, 409 if not in this state. */
function ensure({ viewer, chain, list, problem }: Target, action: RectificationAction) {
  if (problemActions(viewer, chain, list, problem).includes(action)) return
  const ownerAction = ['approve', 'reject', 'scheduleRecheck', 'recordRecheck'].includes(action)
  const theirs = ownerAction ? String(list.ownerId) === viewer.userId : isWorker(viewer, chain, problem)
  throw new AppError(theirs ? 'RECTIFICATION_STATE' : 'FORBIDDEN')
}

const entry = (target: Target, note: string) => ({ note, by: target.viewer.userId, at: target.now })

export async function reportProgress(target: Target, note: string) {
  ensure(target, 'progress')
  return commitProblemChange(
    target.problem,
    {
      action: 'progress',
      to: target.problem.status as 'open',
      push: { progress: entry(target, note) },
      note,
    },
    target.viewer,
    target.now,
  )
}

/** 销号申请: the work is done, with evidence (files the requester uploaded). */
export async function requestClosure(target: Target, input: { note: string; evidence: string[] }) {
  ensure(target, 'requestClosure')
  if (!(await ownedFilesExist(input.evidence, target.viewer.userId)))
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        { path: 'evidence', code: 'not_found', message: '佐证材料不存在或未上传完成 / Evidence not found' },
      ],
    })
  return commitProblemChange(
    target.problem,
    {
      action: 'requestClosure',
      to: 'awaitingApproval',
      set: { closure: { ...entry(target, input.note), evidence: input.evidence } },
      note: input.note,
    },
    target.viewer,
    target.now,
  )
}

/** The owner approves the 销号 or sends it back with a reason. */
export async function decideClosure(target: Target, input: { approve: boolean; reason: string }) {
  ensure(target, input.approve ? 'approve' : 'reject')
  return commitProblemChange(
    target.problem,
    {
      action: input.approve ? 'approve' : 'reject',
      to: input.approve ? 'closed' : 'open',
      set: {
        approval: { approved: input.approve, reason: input.reason, by: target.viewer.userId, at: target.now },
      },
      note: input.reason || null,
    },
    target.viewer,
    target.now,
  )
}

/** 回头看: the owner sets a re-check date, then records how the result held; a relapse reopens it. */
export async function recheck(
  target: Target,
  input: { dueOn: string } | { result: 'consolidated' | 'relapsed'; note: string },
) {
  if ('dueOn' in input) {
    ensure(target, 'scheduleRecheck')
    return commitProblemChange(
      target.problem,
      { action: 'scheduleRecheck', to: 'closed', set: { recheck: { dueOn: input.dueOn, result: null } } },
      target.viewer,
      target.now,
    )
  }
  ensure(target, 'recordRecheck')
  return commitProblemChange(
    target.problem,
    {
      action: 'recordRecheck',
      to: input.result === 'relapsed' ? 'open' : 'closed',
      set: {
        recheck: {
          dueOn: target.problem.recheck?.dueOn,
          result: input.result,
          note: input.note,
          by: target.viewer.userId,
          at: target.now,
        },
      },
      note: input.note,
    },
    target.viewer,
    target.now,
  )
}

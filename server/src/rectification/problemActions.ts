import {
  AppError,
  adjustableProblemFields,
  chinaDays,
  type RectificationAction,
  type RectificationAdjustInput,
} from '@minqing/shared'
import { ownedFilesExist } from '../files/gridfs'
import { scopeFilter, userScopeFilter } from '../tenants/tenantScope'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'
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
  const ownerAction = ['approve', 'reject', 'scheduleRecheck', 'recordRecheck', 'adjust'].includes(action)
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

const issue = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, code, message }] })

/**
 * 调整: the list's owner moves the deadline (延期), rewrites measures or target, or gives the problem
 * to another leader or lead unit, with a reason. The event keeps before → after of what changed;
 * a request that changes nothing is refused rather than recorded.
 */
export async function adjustProblem(target: Target, input: RectificationAdjustInput) {
  ensure(target, 'adjust')
  if (input.responsibleLeaderId) {
    const leader = await UserModel.findOne(
      { _id: input.responsibleLeaderId, ...userScopeFilter(target.viewer) },
      { role: 1, disabled: 1 },
    )
    if (!leader || leader.role !== 'leader' || leader.disabled)
      throw issue('responsibleLeaderId', 'not_found', '责任领导须为领导账号 / Must be a leader')
  }
  if (input.leadUnitId && !(await UnitModel.exists({ _id: input.leadUnitId, ...scopeFilter(target.viewer) })))
    throw issue('leadUnitId', 'not_found', '牵头单位不存在 / Unknown unit')
  const problem = target.problem as unknown as Record<string, unknown>
  const before: Record<string, string> = {}
  const after: Record<string, string> = {}
  for (const field of adjustableProblemFields) {
    const next = input[field]
    if (next === undefined || String(problem[field]) === next) continue
    before[field] = String(problem[field])
    after[field] = next
  }
  if (Object.keys(after).length === 0)
    throw issue('deadline', 'unchanged', '没有需要调整的内容 / Nothing would change')
  return commitProblemChange(
    target.problem,
    {
      action: 'adjust',
      to: target.problem.status as 'open',
      // The board and the overdue lane query the instant the deadline day ends.
      set: after.deadline ? { ...after, dueAt: chinaDays(after.deadline, after.deadline).to } : after,
      note: input.reason,
      data: { before, after },
    },
    target.viewer,
    target.now,
  )
}

import { caseSettings } from '../settings/currentSettings'
import { AppError, checkAbility, type TransitionInput } from '@minqing/shared'
import mongoose from 'mongoose'
import { createHash } from 'node:crypto'
import { CaseModel } from '../cases/case.model'
import { commitChange, loadCase } from '../cases/commitChange'
import { caseSnapshot } from '../cases/applyTransition'
import { planTransition } from '../cases/planners'
import { abilityFacts } from '../cases/policy'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { NotificationModel } from '../notifications/notification.model'
import { notifyCaseEvent } from '../notifications/notifyCaseEvent'
import { FollowUpModel } from './followUp.model'
import { isDuplicateKey } from '../db/duplicateKey'

const day = 86_400_000

/** A stable draw per case: the same case is always in or out of the sample, on every instance. */
export const inSample = (caseId: string, share: number) =>
  parseInt(createHash('sha256').update(caseId).digest('hex').slice(0, 8), 16) / 0xffffffff < share

/**
 * 回头看: cases closed FOLLOW_UP_AFTER_DAYS ago (a week's window, so a missed run catches up) are
 * drawn with probability FOLLOW_UP_SHARE; each drawn case gets one follow-up, and its resident is
 * asked whether the problem stayed solved.
 */
export async function sampleFollowUps(deps: AppDeps) {
  const now = deps.clock.now()
  const before = new Date(now.getTime() - deps.config.FOLLOW_UP_AFTER_DAYS * day)
  const candidates = await CaseModel.find(
    {
      status: 'closed',
      closedReason: { $ne: 'merged' },
      closedAt: { $lte: before, $gte: new Date(before.getTime() - 7 * day) },
    },
    { createdBy: 1, unitId: 1, number: 1, title: 1 },
  )
  let sampled = 0
  for (const record of candidates) {
    if (!inSample(String(record._id), deps.config.FOLLOW_UP_SHARE)) continue
    try {
      await FollowUpModel.create({
        caseId: record._id,
        residentId: record.createdBy,
        unitId: record.unitId,
        sampledAt: now,
      })
    } catch (error) {
      if (isDuplicateKey(error)) continue // already sampled
      throw error
    }
    await NotificationModel.create({
      userId: record.createdBy,
      caseId: record._id,
      caseNumber: record.number,
      action: 'followUp',
      title: '回访：您反映的问题解决了吗？',
      body: `${record.number} ${record.title}`,
    })
    sampled++
  }
  return { sampled }
}

/**
 * The resident answers. "Not solved" reopens the case for supervision, whatever their own reopen
 * allowance: the follow-up is the dispatch centre's question, so its reopen rule applies.
 */
export async function answerFollowUp(
  deps: AppDeps,
  viewer: Viewer,
  caseId: string,
  answer: { solved: boolean; comment?: string },
) {
  const followUp = mongoose.isValidObjectId(caseId)
    ? await FollowUpModel.findOne({ caseId, residentId: viewer.userId })
    : null
  if (!followUp) throw new AppError('NOT_FOUND')
  const now = deps.clock.now()
  const claimed = await FollowUpModel.updateOne(
    { _id: followUp._id, answer: null },
    { $set: { answer: { solved: answer.solved, comment: answer.comment ?? '', at: now } } },
  )
  if (claimed.modifiedCount !== 1) throw new AppError('DUPLICATE')
  if (answer.solved) return { reopened: false }
  const record = await loadCase(caseId)
  const input: TransitionInput = {
    action: 'reopen',
    reason: `回头看：群众反映问题未解决${answer.comment ? `（${answer.comment}）` : ''}`,
  }
  // The dispatch centre's question: its abilities decide whether the case can be reopened now.
  const asDispatchCentre = { userId: viewer.userId, role: 'admin' as const, unitId: null }
  if (
    !checkAbility({ ...asDispatchCentre, overseesCurrentUnit: true }, 'reopen', abilityFacts(record), now).ok
  )
    return { reopened: false }
  const result = planTransition(input, {
    snapshot: caseSnapshot(record),
    actor: asDispatchCentre,
    now,
    ...caseSettings(deps, record),
  })
  if (!result.ok) return { reopened: false }
  const updated = await commitChange(
    record,
    { to: result.plan.to, set: { ...result.plan.set }, inc: { ...result.plan.inc }, involveUnitIds: [] },
    {
      action: 'reopen',
      actor: { userId: viewer.userId, role: viewer.role, unitId: null },
      at: now,
      reason: input.reason,
      public: true,
      data: { ...result.plan.event.data, followUp: true },
    },
  )
  await notifyCaseEvent(deps, updated, 'reopen', viewer.userId, { reopened: true })
  return { reopened: true }
}

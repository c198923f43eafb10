import { caseSettings } from '../settings/currentSettings'
import { tenantOf } from '../tenants/tenantScope'
import { AppError, type TransitionInput } from '@minqing/shared'
import { categoryExists } from '../categories/categoryTree'
import { ownedFilesExist } from '../files/gridfs'
import type { AppDeps } from '../http/deps'
import { decideRouting } from '../routing/decideRouting'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import type { CaseDocument } from './case.model'
import { commitChange, loadCase } from './commitChange'
import { notifyCaseEvent } from '../notifications/notifyCaseEvent'
import { sendFirstReply } from '../replyTemplates/firstReply'
import { planTransition, type CaseSnapshot } from './planners'
import { pointOf } from './similarCases'
import { checkCaseAbility, loadReadableCase } from './policy'

/**
 * Applies one action to a case. Order without transactions: (1) append the event with the next
 * sequence number — the unique index lets only one concurrent writer win; (2) update the case
 * conditionally on that sequence. The event carries the patch, so if the process dies between
 * the two, `catchUp` applies it on the next load.
 */
export async function applyTransition(
  deps: AppDeps,
  viewer: Viewer,
  caseId: string,
  input: TransitionInput,
): Promise<CaseDocument> {
  const { record, unit: currentUnit } = await loadReadableCase(viewer, caseId)
  const ability = checkCaseAbility(viewer, input.action, record, currentUnit, deps.clock.now())
  if (!ability.ok) {
    if (ability.kind === 'forbidden') throw new AppError('FORBIDDEN')
    throw new AppError('INVALID_TRANSITION', {
      details: { status: record.status, action: input.action, reason: ability.reason },
    })
  }
  if ('unitId' in input) {
    const target = await UnitModel.findById(input.unitId, { disabled: 1 })
    if (!target) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'unitId', code: 'not_found', message: '单位不存在 / Unit not found' }],
      })
    }
    // A disabled unit signs for nothing (issue 16): a case sent there would wait forever.
    if (target.disabled) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'unitId', code: 'disabled', message: '该单位已停用 / The unit is disabled' }],
      })
    }
  }

  const attachments = 'attachments' in input ? input.attachments : []
  if (attachments.length && !(await ownedFilesExist(attachments, viewer.userId))) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        { path: 'attachments', code: 'not_found', message: '照片不存在或不是您上传的 / Photo not found' },
      ],
    })
  }
  const reroute = input.action === 'recategorize' ? await rerouteFor(record, input.categoryCode) : undefined
  const survivor = input.action === 'merge' ? await mergeTarget(record, input.intoCaseId) : undefined
  const now = deps.clock.now()
  const result = planTransition(input, {
    snapshot: caseSnapshot(record),
    actor: { userId: viewer.userId, role: viewer.role },
    now,
    ...caseSettings(deps, record),
    reroute,
  })
  if (!result.ok) {
    throw new AppError('INVALID_TRANSITION', {
      details: { status: record.status, action: input.action, reason: result.reason },
    })
  }
  const { plan } = result
  const updated = await commitChange(
    record,
    {
      to: plan.to,
      set: { ...plan.set },
      inc: { ...plan.inc },
      involveUnitIds: plan.involveUnitIds,
      rollup: plan.rollup,
    },
    {
      action: input.action,
      actor: { userId: viewer.userId, role: viewer.role, unitId: viewer.unitId },
      at: now,
      reason: plan.event.reason ?? null,
      message: plan.event.message ?? null,
      public: plan.event.public,
      attachments,
      data: plan.event.data,
    },
  )
  if (survivor) {
    // The merged case's residents follow the surviving case from now on.
    await commitChange(
      survivor,
      {
        to: survivor.status,
        set: {},
        inc: {},
        involveUnitIds: [],
        addFollowers: [String(record.createdBy), ...record.followers.map(String)],
      },
      {
        action: 'absorb',
        actor: { userId: viewer.userId, role: viewer.role, unitId: viewer.unitId },
        at: now,
        public: false,
        data: { fromCaseId: String(record._id), fromNumber: record.number },
      },
    )
  }
  await notifyCaseEvent(deps, updated, input.action, viewer.userId, {
    reopened: plan.to === 'reopened',
    isPublic: plan.event.public,
  })
  // Routed to a unit (dispatch, transfer, redispatch, new category): the resident is told once.
  if (plan.rollup?.newUnitId) await sendFirstReply(deps, updated)
  return updated
}

/** The facts about a case that planning a transition needs. */
export function caseSnapshot(record: CaseDocument): CaseSnapshot {
  return {
    status: record.status,
    urgency: record.urgency,
    unitId: record.unitId ? String(record.unitId) : null,
    firstReceiverUnitId: record.firstReceiverUnitId ? String(record.firstReceiverUnitId) : null,
    reopenCount: record.reopenCount,
    answerBy: record.deadlines.answerBy ?? null,
    dueAt: record.deadlines.dueAt ?? null,
    extensionDays: record.extension?.workingDays ?? undefined,
    coUnitIds: record.coUnitIds.map(String),
    ownerLeaderId: record.ownerLeaderId ? String(record.ownerLeaderId) : null,
    flagLevel: record.supervision?.flag?.level ?? null,
  }
}

/** The case a duplicate is merged into: it must exist, be another case, and still be open. */
async function mergeTarget(record: CaseDocument, intoCaseId: string): Promise<CaseDocument> {
  const issue = (message: string) =>
    new AppError('VALIDATION_FAILED', { issues: [{ path: 'intoCaseId', code: 'invalid', message }] })
  if (intoCaseId === String(record._id)) throw issue('不能并入自身 / Cannot merge a case into itself')
  const target = await loadCase(intoCaseId).catch(() => null)
  if (!target) throw issue('目标诉求不存在 / Target case not found')
  if (['closed', 'rejected'].includes(target.status)) throw issue('目标诉求已结束 / Target case is closed')
  return target
}

/** A corrected category routes the case again, as if it had been submitted that way. */
async function rerouteFor(record: CaseDocument, categoryCode: string) {
  if (!(await categoryExists(categoryCode, tenantOf(record)))) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'categoryCode', code: 'not_found', message: '分类不存在 / Unknown category' }],
    })
  }
  return decideRouting({
    categoryCode,
    title: record.title,
    description: record.description,
    location: pointOf(record.location),
    tenantId: tenantOf(record),
  })
}

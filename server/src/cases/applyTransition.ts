import { AppError, type TransitionInput } from '@minqing/shared'
import { categoryExists } from '../categories/categoryTree'
import type { AppDeps } from '../http/deps'
import { decideRouting } from '../routing/decideRouting'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { CaseModel, type CaseDocument } from './case.model'
import { CaseEventModel } from './caseEvent.model'
import { appendEvent } from './caseEvents'
import { notifyCaseEvent } from '../notifications/notifyCaseEvent'
import { planTransition } from './planTransition'
import { canActOnCase, canReadCase } from './policy'

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
  const record = await loadCase(caseId)
  const currentUnit = record.unitId ? await UnitModel.findById(record.unitId) : null
  if (!canReadCase(viewer, record, currentUnit)) throw new AppError('NOT_FOUND')
  if (!canActOnCase(viewer, input.action, record, currentUnit)) throw new AppError('FORBIDDEN')
  if ('unitId' in input && !(await UnitModel.exists({ _id: input.unitId }))) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'unitId', code: 'not_found', message: '单位不存在 / Unit not found' }],
    })
  }

  const reroute = input.action === 'recategorize' ? await rerouteFor(record, input.categoryCode) : undefined
  const now = deps.clock.now()
  const result = planTransition(
    {
      status: record.status,
      urgency: record.urgency,
      unitId: record.unitId ? String(record.unitId) : null,
      firstReceiverUnitId: record.firstReceiverUnitId ? String(record.firstReceiverUnitId) : null,
      reopenCount: record.reopenCount,
      answerBy: record.deadlines.answerBy ?? null,
      dueAt: record.deadlines.dueAt ?? null,
      extensionPending: record.extension?.status === 'pending',
      extensionDays: record.extension?.workingDays ?? undefined,
      objectionPending: record.objection?.status === 'pending',
      coUnitIds: record.coUnitIds.map(String),
    },
    input,
    viewer.role,
    now,
    deps.timeLimits,
    deps.calendar,
    reroute,
  )
  if (!result.ok) {
    if (result.reason === 'role_not_allowed') throw new AppError('FORBIDDEN')
    throw new AppError('INVALID_TRANSITION', {
      details: { status: record.status, action: input.action, reason: result.reason },
    })
  }
  const { plan } = result
  const seq = record.eventSeq + 1
  const patch: Patch = {
    set: Object.entries({ ...plan.set, status: plan.to }).map(([path, value]) => ({ path, value })),
    inc: Object.entries(plan.inc).map(([path, value]) => ({ path, value })),
    involveUnitIds: plan.involveUnitIds ?? [],
  }
  const appended = await appendEvent({
    caseId: record._id,
    seq,
    action: input.action,
    from: record.status,
    to: plan.to,
    actor: { userId: viewer.userId, role: viewer.role, unitId: viewer.unitId },
    at: now,
    reason: plan.event.reason ?? null,
    message: plan.event.message ?? null,
    public: plan.event.public,
    data: { ...plan.event.data, patch },
  })
  if (!appended) throw new AppError('CASE_CHANGED')
  const updated = await applyPatch(record._id, seq, patch)
  if (!updated) throw new AppError('CASE_CHANGED')
  await notifyCaseEvent(deps, updated, input.action, viewer.userId, {
    reopened: plan.to === 'reopened',
    isPublic: plan.event.public,
  })
  return updated
}

/**
 * The change an event makes, stored on the event. Paths are kept as values, not keys: FerretDB v1
 * refuses keys containing '.' in stored documents ("deadlines.dueAt").
 */
/** A corrected category routes the case again, as if it had been submitted that way. */
async function rerouteFor(record: CaseDocument, categoryCode: string) {
  if (!(await categoryExists(categoryCode))) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'categoryCode', code: 'not_found', message: '分类不存在 / Unknown category' }],
    })
  }
  const { location } = record
  const point =
    location && typeof location.lat === 'number' && typeof location.lng === 'number'
      ? { lat: location.lat, lng: location.lng }
      : null
  return decideRouting({
    categoryCode,
    title: record.title,
    description: record.description,
    location: point,
  })
}

interface Patch {
  set: Array<{ path: string; value: unknown }>
  inc: Array<{ path: string; value: number }>
  involveUnitIds: string[]
}

function applyPatch(caseId: CaseDocument['_id'], seq: number, patch: Patch) {
  return CaseModel.findOneAndUpdate(
    { _id: caseId, eventSeq: seq - 1 },
    {
      $set: { ...Object.fromEntries(patch.set.map(({ path, value }) => [path, value])), eventSeq: seq },
      $inc: { ...Object.fromEntries(patch.inc.map(({ path, value }) => [path, value])), version: 1 },
      ...(patch.involveUnitIds?.length
        ? { $addToSet: { involvedUnitIds: { $each: patch.involveUnitIds } } }
        : {}),
    },
    { new: true },
  )
}

/** Loads a case and applies any event written but not yet reflected (a crash between the two writes). */
export async function loadCase(caseId: string): Promise<CaseDocument> {
  let record = await CaseModel.findById(caseId)
  if (!record) throw new AppError('NOT_FOUND')
  for (;;) {
    const pending: { seq: number; data?: unknown } | null = await CaseEventModel.findOne({
      caseId: record._id,
      seq: record.eventSeq + 1,
    })
    const patch: Patch | undefined = (pending?.data as { patch?: Patch } | null)?.patch
    if (!pending || !patch) return record
    record = (await applyPatch(record._id, pending.seq, patch)) ?? (await CaseModel.findById(caseId))
    if (!record) throw new AppError('NOT_FOUND')
  }
}

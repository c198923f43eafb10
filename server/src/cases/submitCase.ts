import { settingsFor } from '../settings/currentSettings'
import {
  AppError,
  acceptDeadline,
  chinaDate,
  expectedAnswerBy,
  type CaseSource,
  type SubmitCaseInput,
} from '@minqing/shared'
import { categoryExists } from '../categories/categoryTree'
import { ownedFilesExist } from '../files/gridfs'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { tenantIdByCode } from '../tenants/tenantByCode'
import { tenantOf } from '../tenants/tenantScope'
import { decideRouting } from '../routing/decideRouting'
import { CaseModel, type CaseDocument } from './case.model'
import { enforceSubmitLimits } from '../rateLimit/submitLimits'
import { appendEvent, eventDocument, type NewEvent } from './caseEvents'
import { CaseEventModel } from './caseEvent.model'
import { castNew, insertCast } from '../db/insertCast'
import { nextSequence } from './counter.model'
import { outboxSlotNow } from './eventOutbox'
import { scheduleEventProjections } from './scheduleProjections'
import { isDuplicateKey } from '../db/duplicateKey'
import { createHash } from 'node:crypto'
import { Types } from 'mongoose'

export interface SubmitResult {
  record: CaseDocument
  created: boolean
}

/**
 * Files a case and routes it. Idempotent on (resident, clientId): a retry returns the case
 * the first attempt made. The initial events are rebuilt on a retry if the first attempt died
 * between writing the case and its events. Everything that follows from the case (notifications,
 * first reply, repeat concern) is the background step's (cases/submitFollowUp.ts), from the
 * submit event: the request itself sends the case insert and the events insert.
 */
export async function submitCase(
  deps: AppDeps,
  viewer: Viewer,
  input: SubmitCaseInput,
  options: {
    source?: CaseSource
    /** The visit or reception record the case was raised on. */
    originId?: string
    /** The district, when the caller decided it (Open311's jurisdiction_id); else `input.tenant`. */
    tenantId?: string
    /** Submissions from clients are rate limited (per resident, guest and IP); seeds and imports are not. */
    limits?: { clientIp: string }
  } = {},
): Promise<SubmitResult> {
  const { source = 'residentApp', originId = null, limits } = options
  const id = caseIdFor(viewer.userId, input.clientId)
  // Counted in memory (no round trip); a retry of an accepted submission gives its count back
  // below, and is answered even when the resident is over the limit now.
  let refund = () => {}
  if (limits) {
    try {
      refund = await enforceSubmitLimits(deps, viewer.userId, limits.clientIp)
    } catch (error) {
      // Only a refusal by the limits may be a retry of an accepted case; any other failure (the
      // database is down) is answered at once, not after a second timed-out lookup.
      if (!(error instanceof AppError && error.code === 'RATE_LIMITED')) throw error
      const existing = await CaseModel.findById(id)
      if (!existing) throw error
      await writeInitialEvents(existing)
      scheduleEventProjections(deps)
      return { record: existing, created: false }
    }
  }
  if (!(await categoryExists(input.categoryCode))) {
    refund()
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'categoryCode', code: 'not_found', message: '分类不存在 / Unknown category' }],
    })
  }
  if (input.photos.length && !(await ownedFilesExist(input.photos, viewer.userId))) {
    refund()
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'photos', code: 'not_found', message: '照片不存在或未上传完成 / Photo not found' }],
    })
  }

  const now = deps.clock.now()
  let tenantId: string | null
  try {
    tenantId = options.tenantId ?? (await tenantIdByCode(input.tenant))
  } catch (error) {
    refund()
    throw error
  }
  const decision = await decideRouting({ ...input, tenantId })
  // The code exists (checked above); now it must be one the case's district offers: another
  // district's own category, or a city one this district hides, is unknown here.
  if (!(await categoryExists(input.categoryCode, decision.tenantId))) {
    refund()
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'categoryCode', code: 'not_found', message: '分类不存在 / Unknown category' }],
    })
  }
  const routed = decision.unitId !== null
  // The district the case is filed in times it (its own limits and holidays, else the city's).
  const { timeLimits, calendar } = settingsFor(deps, decision.tenantId)
  const acceptBy = routed
    ? acceptDeadline(now, timeLimits, calendar, { urgency: input.urgency, unitId: decision.unitId })
    : null
  const day = chinaDate(now).format('YYYYMMDD')
  const newCase = (number: string) => ({
    _id: id,
    number,
    clientId: input.clientId,
    submittedAt: now,
    createdBy: viewer.userId,
    source,
    originId,
    kind: input.kind,
    categoryCode: input.categoryCode,
    title: input.title,
    description: input.description,
    urgency: input.urgency,
    location: input.location ?? null,
    gridId: decision.containingUnits.find((unit) => unit.level === 'grid')?.id ?? null,
    photos: input.photos,
    contactPhone: input.contactPhone ?? null,
    anonymous: input.anonymous,
    publicConsent: input.publicConsent,
    status: routed ? 'dispatched' : 'submitted',
    unitId: decision.unitId,
    firstReceiverUnitId: decision.unitId,
    unitReceivedAt: decision.unitId ? now : null,
    involvedUnitIds: routed ? [decision.unitId] : [],
    routing: {
      kind: decision.kind,
      unitId: decision.unitId,
      ruleId: decision.ruleId,
      reason: decision.reason,
      decidedAt: now,
    },
    deadlines: {
      expectedAnswerBy: expectedAnswerBy(now, input.urgency, timeLimits, calendar),
      acceptBy,
      dueAt: acceptBy,
    },
    eventSeq: routed ? 2 : 1,
    tenantId: decision.tenantId,
  })

  // No read first: the insert itself finds a retry (the id is derived from resident and clientId).
  for (let attempt = 1; ; attempt++) {
    const number = `MQ${day}-${String(await nextSequence(`case:${day}`)).padStart(4, '0')}`
    try {
      // Through the driver: the input was validated at the route, and a mongoose document's
      // construction and save cost more CPU than the rest of the submission (issue 18).
      const [record] = await insertCast(CaseModel, [castNew(CaseModel, newCase(number))])
      if (!record) throw new Error('insertCast returned nothing')
      await writeInitialEvents(record, { fresh: true })
      scheduleEventProjections(deps)
      return { record, created: true }
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      // A concurrent retry won the same id, or a case filed before ids were derived holds the
      // (resident, clientId) pair: either way the resident's first case is the answer.
      const winner =
        (await CaseModel.findById(id)) ??
        (await CaseModel.findOne({ createdBy: viewer.userId, clientId: input.clientId }))
      if (winner) {
        refund()
        await writeInitialEvents(winner)
        scheduleEventProjections(deps)
        return { record: winner, created: false }
      }
      // Otherwise the number was taken (handed out before numbers came in blocks): the next one.
      if (attempt >= 5) throw error
    }
  }
}

/**
 * A case's id is derived from (resident, clientId), so a retry finds the first attempt's case by
 * `_id` — the one filter FerretDB answers from its index instead of decoding every case — and two
 * concurrent attempts collide on the primary key.
 */
export function caseIdFor(userId: string, clientId: string): Types.ObjectId {
  const digest = createHash('sha256').update(`case|${userId}|${clientId}`).digest()
  return new Types.ObjectId(digest.subarray(0, 12))
}

/** The submit event and, when routed automatically, the dispatch event: derived from the case. */
async function writeInitialEvents(record: CaseDocument, options: { fresh?: boolean } = {}): Promise<void> {
  const at = record.submittedAt
  // Their rollups are written by the background step (cases/eventOutbox.ts), from this slot.
  const outboxSlot = outboxSlotNow()
  const routed = ['rule', 'areaFallback', 'model'].includes(record.routing.kind ?? '')
  const events: NewEvent[] = [
    {
      caseId: record._id,
      seq: 1,
      action: 'submit',
      from: null,
      to: 'submitted',
      actor: { userId: String(record.createdBy), role: 'resident', unitId: null },
      at,
      // Counted as filed (stats: `submitted`) by the unit it is routed to, or its district's queue.
      data: {
        source: record.source,
        facts: {
          unitId: routed ? String(record.routing.unitId) : null,
          tenantId: tenantOf(record),
          categoryCode: record.categoryCode,
          submittedAt: record.submittedAt,
        },
      },
      outboxSlot,
    },
  ]
  const facts = {
    unitId: null,
    newUnitId: String(record.routing.unitId),
    categoryCode: record.categoryCode,
    acceptBy: record.deadlines.acceptBy ?? null,
    submittedAt: record.submittedAt,
  }
  if (routed)
    events.push({
      caseId: record._id,
      seq: 2,
      action: 'dispatch',
      from: 'submitted',
      to: 'dispatched',
      actor: { userId: null, role: 'system', unitId: null },
      at,
      reason: record.routing.reason ?? null,
      data: {
        unitId: String(record.routing.unitId),
        ruleId: record.routing.ruleId ? String(record.routing.ruleId) : null,
        automatic: true,
        facts,
      },
      outboxSlot,
    })
  // A case this call just created has no events yet: both go in one round trip. Otherwise (a
  // retry repairing a crashed attempt, or racing one) each is appended on its own; only a stored
  // event is counted in the rollups, so a repaired dispatch is counted once.
  if (options.fresh && (await insertFreshEvents(events))) return
  for (const event of events) await appendEvent(event)
}

/** The events of a case just created, in one ordered insert through the driver; false on a clash. */
async function insertFreshEvents(events: NewEvent[]): Promise<boolean> {
  try {
    await insertCast(
      CaseEventModel,
      events.map((event) => castNew(CaseEventModel, eventDocument(event))),
    )
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

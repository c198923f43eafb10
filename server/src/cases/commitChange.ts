import { tenantOf, tenantOfUnitId } from '../tenants/tenantScope'
import { AppError, signForClockStart, type CaseStatus, type RollupFacts } from '@minqing/shared'
import { clockFacts } from '../stats/clockFacts'
import { applyRollupOrMarkRepair } from '../stats/rollupRepair'
import { CaseModel, type CaseDocument } from './case.model'
import { CaseEventModel } from './caseEvent.model'
import { appendEvent, type EventActor } from './caseEvents'

export interface CaseChange {
  to: CaseStatus
  set: Record<string, unknown>
  inc: Record<string, number>
  involveUnitIds: string[]
  /** Residents who follow the case from now on (merged duplicates). */
  addFollowers?: string[]
  /**
   * What the statistics must learn, stated by the writer (a planner) rather than guessed from the
   * patch: the unit holding the case from now on (null: back to the dispatch centre), a new category.
   */
  rollup?: { newUnitId?: string | null; categoryCode?: string }
}

export interface ChangeEvent {
  action: string
  actor: EventActor
  at: Date
  reason?: string | null
  message?: string | null
  public: boolean
  attachments?: string[]
  data?: Record<string, unknown>
}

/**
 * Commits one change to a case without a transaction: (1) append the event with the next
 * sequence number — the unique (caseId, seq) index lets only one concurrent writer win; (2) update
 * the case conditionally on that sequence. The event carries the patch, so if the process dies
 * between the two, `loadCase` applies it on the next read.
 */
export async function commitChange(
  record: CaseDocument,
  change: CaseChange,
  event: ChangeEvent,
): Promise<CaseDocument> {
  const seq = record.eventSeq + 1
  const patch: Patch = {
    set: Object.entries({ ...change.set, status: change.to }).map(([path, value]) => ({ path, value })),
    inc: Object.entries(change.inc).map(([path, value]) => ({ path, value })),
    involveUnitIds: change.involveUnitIds,
    addFollowers: change.addFollowers ?? [],
  }
  // What the statistics need about the case at this moment, kept on the event (rollups rebuild from it).
  const rollup = change.rollup ?? {}
  // Whoever receives the case now starts its own clock for the time-to-accept statistics.
  if (rollup.newUnitId) patch.set.push({ path: 'unitReceivedAt', value: event.at })
  // A case sent to a unit of another district (by the city level) now belongs to that district.
  const newTenant = rollup.newUnitId ? await tenantOfUnitId(rollup.newUnitId) : null
  if (newTenant && newTenant !== tenantOf(record)) patch.set.push({ path: 'tenantId', value: newTenant })
  const facts: RollupFacts = {
    unitId: record.unitId ? String(record.unitId) : null,
    ...('newUnitId' in rollup ? { newUnitId: rollup.newUnitId ?? null } : {}),
    categoryCode: rollup.categoryCode ?? record.categoryCode,
    acceptBy: record.deadlines.acceptBy ?? null,
    answerBy: record.deadlines.answerBy ?? null,
    receivedAt: signForClockStart(record),
    submittedAt: record.submittedAt,
    ...clockFacts(record),
  }
  const appended = await appendEvent({
    caseId: record._id,
    seq,
    action: event.action,
    from: record.status,
    to: change.to,
    actor: event.actor,
    at: event.at,
    reason: event.reason ?? null,
    message: event.message ?? null,
    public: event.public,
    attachments: event.attachments ?? [],
    data: { ...event.data, patch, facts },
  })
  if (!appended) throw new AppError('CASE_CHANGED')
  // The event at `seq` is this commit's (the unique insert decided it). If the case no longer
  // waits at `seq - 1`, a reader's loadCase found the event first and applied this very patch,
  // as after a crash: the change is made, and the commit goes on (rollups, the caller's notice).
  const updated = (await applyPatch(record._id, seq, patch)) ?? (await reflectedAlready(record._id, seq))
  if (!updated) throw new AppError('CASE_CHANGED')
  // Rollups are a cache of the events: a failure here must not fail the committed change; it is
  // marked, logged and repaired by a recount from the events (stats/rollupRepair.ts).
  await applyRollupOrMarkRepair({
    action: event.action,
    at: event.at,
    to: change.to,
    data: { ...event.data, facts },
  })
  return updated
}

/**
 * The change an event makes, stored on the event. Paths are kept as values, not keys: FerretDB v1
 * refuses keys containing '.' in stored documents ("deadlines.dueAt").
 */
interface Patch {
  set: Array<{ path: string; value: unknown }>
  inc: Array<{ path: string; value: number }>
  involveUnitIds: string[]
  addFollowers?: string[]
}

function applyPatch(caseId: CaseDocument['_id'], seq: number, patch: Patch) {
  return CaseModel.findOneAndUpdate(
    { _id: caseId, eventSeq: seq - 1 },
    {
      $set: { ...Object.fromEntries(patch.set.map(({ path, value }) => [path, value])), eventSeq: seq },
      ...(patch.inc.length
        ? { $inc: Object.fromEntries(patch.inc.map(({ path, value }) => [path, value])) }
        : {}),
      ...addToSet(patch),
    },
    { new: true },
  )
}

/** The case once it reflects the event at `seq` (applied by another reader), else null. */
async function reflectedAlready(caseId: CaseDocument['_id'], seq: number): Promise<CaseDocument | null> {
  const current = await CaseModel.findById(caseId)
  return current && current.eventSeq >= seq ? current : null
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

/** $addToSet only for non-empty lists (patches written before followers existed have none). */
function addToSet(patch: Patch) {
  const sets: Record<string, { $each: string[] }> = {}
  if (patch.involveUnitIds?.length) sets.involvedUnitIds = { $each: patch.involveUnitIds }
  if (patch.addFollowers?.length) sets.followers = { $each: patch.addFollowers }
  return Object.keys(sets).length ? { $addToSet: sets } : {}
}

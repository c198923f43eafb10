import mongoose, { Schema, Types } from 'mongoose'
import { isDuplicateKey } from '../db/duplicateKey'
import { forgetOnReset } from '../processState/processState'
import { instanceId } from '../scheduler/scheduler'
import { CaseEventModel } from './caseEvent.model'

/**
 * The side effects of an event that the submit path leaves to a background step (rollups,
 * notifications): the event is stored with an outbox slot — the five-minute interval of real time
 * it was written in — and each projection works through the slots, remembering per slot which
 * events it has done. Nothing is written to the events (they are append-only) and nothing extra
 * on the submit path: the slot rides in the event's own insert. Lookups are equality on an
 * indexed field, which FerretDB pushes down.
 */
export const outboxSlotMs = 5 * 60_000
/** A slot is closed once it is this many slots old and done: events from a slow clock still land. */
const closeAfterSlots = 3
/** A fresh ledger starts this far back (an hour): events before it were projected as they were written. */
const firstLookBack = 12
/** A batch whose runner has not finished after this long is taken over by another instance. */
const leaseMs = 60_000

export const outboxSlotNow = (now = Date.now()) => Math.floor(now / outboxSlotMs)

const ledgerSchema = new Schema(
  {
    _id: String,
    /** Slot ledgers: the events done. */
    done: { type: [String], default: undefined },
    /** The cursor: every slot up to this one is done. */
    closedThrough: Number,
    /** The lock: the batch in progress. */
    batch: String,
    slot: Number,
    eventIds: { type: [String], default: undefined },
    instance: String,
    at: Date,
  },
  { collection: 'event_projections', versionKey: false },
)
const LedgerModel = mongoose.model('EventProjection', ledgerSchema)

export interface OutboxEvent {
  _id: Types.ObjectId
  caseId: Types.ObjectId
  seq: number
  action: string
  to: string
  at: Date
  actor: { userId?: Types.ObjectId | null }
  data?: Record<string, unknown> | null
}

export interface Projection {
  /** Names the ledger, e.g. "rollups". */
  name: string
  /**
   * Applies a batch. Must be idempotent for the same `batch` (it is retried after a crash with
   * the same id and the same events).
   */
  apply(events: OutboxEvent[], batch: string, hook?: StepHook): Promise<void>
}

/** Test hook: called between the steps of a batch, so a test can stop the runner there. */
export type StepHook = (step: 'row' | 'applied' | 'recorded') => void | Promise<void>

const running = new Map<string, Promise<ProjectionRun>>()
const queued = new Map<string, Promise<ProjectionRun>>()
forgetOnReset(async () => {
  await Promise.allSettled([...running.values(), ...queued.values()])
})

export interface ProjectionRun {
  events: number
  skipped?: 'locked'
}

/**
 * Brings a projection up to date with every event stored before the call. Calls in one process
 * queue behind each other (a call arriving during a run waits for the next one, which sees its
 * events); across instances a lock document lets one run at a time.
 */
export function project(projection: Projection, hook?: StepHook): Promise<ProjectionRun> {
  const current = running.get(projection.name)
  if (!current) return start(projection, hook)
  let next = queued.get(projection.name)
  if (!next) {
    next = current
      .catch(() => undefined)
      .then(() => {
        queued.delete(projection.name)
        return start(projection, hook)
      })
    queued.set(projection.name, next)
  }
  return next
}

function start(projection: Projection, hook?: StepHook): Promise<ProjectionRun> {
  const run = runProjection(projection, hook).finally(() => running.delete(projection.name))
  running.set(projection.name, run)
  return run
}

async function runProjection(projection: Projection, hook?: StepHook): Promise<ProjectionRun> {
  const lockId = `${projection.name}|lock`
  const lock = await acquireLock(lockId)
  if (!lock) return { events: 0, skipped: 'locked' }
  let count = 0
  // A batch left by a runner that died: finish it first, with the same id and events.
  if (lock.batch && lock.slot !== undefined && lock.eventIds?.length) {
    count += await finishBatch(projection, lockId, lock.slot, lock.batch, lock.eventIds, hook)
  }
  const cursorId = `${projection.name}|cursor`
  const now = outboxSlotNow()
  const closedThrough =
    ((await LedgerModel.findById(cursorId).lean())?.closedThrough as number | undefined) ??
    now - firstLookBack
  let closable = true
  let newClosedThrough = closedThrough
  for (let slot = closedThrough + 1; slot <= now; slot++) {
    const events = (await CaseEventModel.find({ outboxSlot: slot }).sort({ _id: 1 }).lean()) as OutboxEvent[]
    const done = new Set(
      events.length
        ? (((await LedgerModel.findById(slotId(projection, slot)).lean())?.done as string[]) ?? [])
        : [],
    )
    const fresh = events.filter((event) => !done.has(String(event._id)))
    if (fresh.length) {
      const batch = new Types.ObjectId().toHexString()
      const eventIds = fresh.map((event) => String(event._id))
      await LedgerModel.updateOne({ _id: lockId }, { $set: { batch, slot, eventIds, at: new Date() } })
      count += await finishBatch(projection, lockId, slot, batch, eventIds, hook, fresh)
    }
    if (closable && slot <= now - closeAfterSlots) newClosedThrough = slot
    else closable = false
  }
  if (newClosedThrough > closedThrough)
    await LedgerModel.updateOne(
      { _id: cursorId },
      { $set: { closedThrough: newClosedThrough } },
      { upsert: true },
    ).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error
    })
  await LedgerModel.deleteOne({ _id: lockId, instance: instanceId })
  return { events: count }
}

const slotId = (projection: Projection, slot: number) => `${projection.name}|slot|${slot}`

/** Applies a batch, records its events as done in their slot, and clears the batch from the lock. */
async function finishBatch(
  projection: Projection,
  lockId: string,
  slot: number,
  batch: string,
  eventIds: string[],
  hook: StepHook | undefined,
  loaded?: OutboxEvent[],
): Promise<number> {
  const wanted = new Set(eventIds)
  const events =
    loaded ??
    ((await CaseEventModel.find({ outboxSlot: slot }).sort({ _id: 1 }).lean()) as OutboxEvent[]).filter(
      (event) => wanted.has(String(event._id)),
    )
  await projection.apply(events, batch, hook)
  await hook?.('applied')
  const id = slotId(projection, slot)
  await LedgerModel.updateOne(
    { _id: id },
    { $addToSet: { done: { $each: eventIds } } },
    { upsert: true },
  ).catch(async (error: unknown) => {
    if (!isDuplicateKey(error)) throw error
    await LedgerModel.updateOne({ _id: id }, { $addToSet: { done: { $each: eventIds } } })
  })
  await hook?.('recorded')
  await LedgerModel.updateOne({ _id: lockId }, { $unset: { batch: 1, slot: 1, eventIds: 1 } })
  return events.length
}

/**
 * The lock: one insert decides between instances. A lock held by this instance (a run that threw
 * half-way) or left longer than the lease (an instance that died) is taken over.
 */
async function acquireLock(lockId: string) {
  const at = new Date()
  try {
    await LedgerModel.create({ _id: lockId, instance: instanceId, at })
    return { batch: undefined, slot: undefined, eventIds: undefined }
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const held = await LedgerModel.findById(lockId).lean()
  if (!held) return acquireLockOnce(lockId, at)
  if (held.instance !== instanceId && at.getTime() - (held.at?.getTime() ?? 0) < leaseMs) return null
  await LedgerModel.updateOne({ _id: lockId }, { $set: { instance: instanceId, at } })
  return {
    batch: held.batch ?? undefined,
    slot: held.slot ?? undefined,
    eventIds: held.eventIds ?? undefined,
  }
}

async function acquireLockOnce(lockId: string, at: Date) {
  try {
    await LedgerModel.create({ _id: lockId, instance: instanceId, at })
    return { batch: undefined, slot: undefined, eventIds: undefined }
  } catch (error) {
    if (isDuplicateKey(error)) return null
    throw error
  }
}

import type { Role } from '@minqing/shared'
import mongoose from 'mongoose'
import { CaseEventModel } from './caseEvent.model'
import { isDuplicateKey } from '../db/duplicateKey'
import { castNew, insertCast } from '../db/insertCast'

export interface EventActor {
  userId: string | null
  role: Role | 'system'
  unitId: string | null
}

export interface NewEvent {
  caseId: mongoose.Types.ObjectId
  seq: number
  action: string
  from: string | null
  to: string
  actor: EventActor
  at: Date
  reason?: string | null
  message?: string | null
  public?: boolean
  attachments?: string[]
  data?: Record<string, unknown> | null
  /** Rollups (and notifications) left to the background step: see eventOutbox.ts. */
  outboxSlot?: number
}

/** An event as stored: public unless said otherwise, no attachments unless given. */
export const eventDocument = (event: NewEvent) => ({
  ...event,
  public: event.public ?? true,
  attachments: event.attachments ?? [],
})

/**
 * Appends an event. The unique (caseId, seq) index makes this the arbiter between concurrent
 * writers: whoever inserts seq N first owns the N-th change. Returns false when seq was taken.
 */
export async function appendEvent(event: NewEvent): Promise<boolean> {
  try {
    // Through the driver, the document cast and defaulted as mongoose would (db/insertCast.ts):
    // events are built by the server, and a mongoose document's construction and save cost more
    // CPU than the round trip; every change appends one (issue 18).
    await insertCast(CaseEventModel, [castNew(CaseEventModel, eventDocument(event))])
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/**
 * Appends a case's next events in one round trip, in order. True when all were stored; false
 * when one was taken already (ordered: the events before it are stored, none after it), so the
 * caller can fall back to `appendEvent` one by one.
 */
export async function appendEvents(events: NewEvent[]): Promise<boolean> {
  try {
    await CaseEventModel.insertMany(events.map(eventDocument), { ordered: true })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

import { AppError } from '@minqing/shared'
import mongoose, { Schema } from 'mongoose'
import { isDuplicateKey } from '../db/duplicateKey'
import { atomicUpdate } from '../db/atomicUpdate'
import { expireAfter } from '../db/expiry'

/** Counters live in the database, so the limit holds across several server instances. */
const RateCounterModel = mongoose.model(
  'RateCounter',
  new Schema({ _id: String, count: Number, windowEndsAt: Date }, { collection: 'rate_counters' }),
)
// Gone once their window ends (MongoDB's TTL index; the housekeeping job on FerretDB).
expireAfter('RateCounter', 'windowEndsAt', 0)

export interface RateLimit {
  /** What is limited, e.g. "case-submit:user:<id>". */
  key: string
  max: number
  windowSeconds: number
}

/**
 * Fixed-window limiter: one upsert + $inc per check (atomic on MongoDB, serialised per key in this process on FerretDB). Over the limit → 429 RATE_LIMITED
 * with the seconds until the window ends.
 */
export async function enforceRateLimit(limit: RateLimit, now: Date): Promise<void> {
  const windowMs = limit.windowSeconds * 1000
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs
  const windowEndsAt = new Date(windowStart + windowMs)
  const increment = () =>
    RateCounterModel.findOneAndUpdate(
      { _id: `${limit.key}:${windowStart}` },
      { $inc: { count: 1 }, $setOnInsert: { windowEndsAt } },
      { upsert: true, new: true },
    )
  // Two concurrent upserts of a new counter: one inserts, the other hits the unique _id
  // (MongoDB retries this itself, FerretDB does not); the second try finds the counter.
  const counter = await atomicUpdate(`rate|${limit.key}`, () =>
    increment().catch((error: unknown) => {
      if (isDuplicateKey(error)) return increment()
      throw error
    }),
  )
  if ((counter.count as number) > limit.max) {
    const retryAfterSeconds = Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000)
    throw new AppError('RATE_LIMITED', {
      details: { retryAfterSeconds, max: limit.max, windowSeconds: limit.windowSeconds },
    })
  }
}

/**
 * Adds `delta` to a window's shared counter (creating it) and returns the new total: the
 * write-back of `enforceBatchedRateLimit`. Atomic on MongoDB; on FerretDB serialised per counter
 * in this process (two instances' write-backs can still interleave, as with every `$inc` there).
 */
export async function addToRateCounter(id: string, delta: number, windowEndsAt: Date): Promise<number> {
  const add = () =>
    RateCounterModel.findOneAndUpdate(
      { _id: id },
      { $inc: { count: delta }, $setOnInsert: { windowEndsAt } },
      { upsert: true, new: true },
    ).lean()
  const counter = await atomicUpdate(`rate|${id}`, () =>
    add().catch((error: unknown) => {
      if (isDuplicateKey(error)) return add()
      throw error
    }),
  )
  return (counter?.count as number | undefined) ?? delta
}

/** Counters of windows that have ended are never read again (no TTL index on FerretDB: a job does it). */
export async function expireRateCounters(now: Date): Promise<{ counters: number }> {
  return { counters: (await RateCounterModel.deleteMany({ windowEndsAt: { $lt: now } })).deletedCount }
}

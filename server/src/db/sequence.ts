import mongoose, { Schema } from 'mongoose'
import { claimOnce } from './claims'
import { hasAtomicUpdates } from './flavour'

const CounterModel = mongoose.model(
  'Counter',
  new Schema({ _id: String, value: Number }, { collection: 'counters' }),
)

/** The last number this instance allocated per key: where the next search starts (FerretDB). */
const lastAllocated = new Map<string, number>()

/**
 * A per-key sequence (readable case numbers per day) that never hands one number out twice.
 * MongoDB: one atomic `$inc` of the counter (an upsert race on the first number is retried by the
 * server, and once more here). FerretDB v1, whose `$inc` reads then writes: each number is claimed
 * by inserting it (claimOnce); a taken one means another caller got it, so the next is tried, and
 * the counter only remembers roughly how far the sequence got, for the first call after a restart.
 */
export async function nextSequence(key: string): Promise<number> {
  if (hasAtomicUpdates()) return incrementCounter(key)
  let candidate = lastAllocated.get(key) ?? ((await CounterModel.findById(key).lean())?.value as number) ?? 0
  do candidate++
  while (!(await claimOnce(`seq|${key}|${candidate}`)))
  lastAllocated.set(key, Math.max(candidate, lastAllocated.get(key) ?? 0))
  // The hint is written every tenth number (or the first): a restart probes at most ten claimed
  // numbers, and nine submissions in ten save a write.
  if (candidate % 10 === 0 || candidate === 1)
    void CounterModel.updateOne({ _id: key }, { $max: { value: candidate } }, { upsert: true })
      .exec()
      .catch(() => undefined)
  return candidate
}

async function incrementCounter(key: string, retried = false): Promise<number> {
  try {
    const counter = await CounterModel.findOneAndUpdate(
      { _id: key },
      { $inc: { value: 1 } },
      { upsert: true, new: true },
    ).lean()
    return counter!.value as number
  } catch (error) {
    if (retried || !(error instanceof mongoose.mongo.MongoServerError && error.code === 11000)) throw error
    return incrementCounter(key, true)
  }
}

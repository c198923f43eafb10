import mongoose, { Schema } from 'mongoose'
import { claimOnce } from '../db/claims'

const CounterModel = mongoose.model(
  'Counter',
  new Schema({ _id: String, value: Number }, { collection: 'counters' }),
)

/** The last number this instance allocated per key: where the next search starts. */
const lastAllocated = new Map<string, number>()

/**
 * A per-key sequence (readable case numbers per day) that never hands one number out twice, on
 * MongoDB or FerretDB: each number is claimed by inserting it (claimOnce); a taken one means
 * another caller got it, so the next is tried. The counter document only remembers roughly how
 * far the sequence got, for the first call after a restart.
 */
export async function nextSequence(key: string): Promise<number> {
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

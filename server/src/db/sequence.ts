import mongoose, { Schema } from 'mongoose'
import { claimOnce } from './claims'
import { hasAtomicUpdates } from './flavour'

const CounterModel = mongoose.model(
  'Counter',
  new Schema({ _id: String, value: Number }, { collection: 'counters' }),
)

/** Numbers taken from the database at a time: one round trip per this many submissions. */
export const sequenceBlockSize = 20

interface Block {
  next: number
  last: number
}

/**
 * A per-key sequence (readable case numbers per day) that never hands one number out twice, taken
 * from the database a block at a time and handed out from memory. One instance's numbers run
 * without gaps; several instances' blocks interleave, and the rest of a block is skipped when its
 * instance stops (numbers stay unique and increase per instance, not dense across restarts).
 * MongoDB: a block is one atomic `$inc` of the counter by the block size. FerretDB v1, whose
 * `$inc` reads then writes: a block is claimed by inserting its index (claimOnce), probing
 * onwards from the counter's hint when taken; the hint is a `$max`, written once per block.
 */
export function sequenceAllocator() {
  const blocks = new Map<string, Block>()
  const allocating = new Map<string, Promise<Block>>()
  const lastBlockIndex = new Map<string, number>()

  async function takeBlock(key: string): Promise<Block> {
    if (hasAtomicUpdates()) {
      const last = await incrementCounter(key, sequenceBlockSize)
      return { next: last - sequenceBlockSize + 1, last }
    }
    let index =
      lastBlockIndex.get(key) ??
      Math.floor(
        (((await CounterModel.findById(key).lean())?.value as number | undefined) ?? 0) / sequenceBlockSize,
      )
    while (!(await claimOnce(`seqblock|${key}|${index}`))) index++
    lastBlockIndex.set(key, index + 1)
    const last = (index + 1) * sequenceBlockSize
    await CounterModel.updateOne({ _id: key }, { $max: { value: last } }, { upsert: true }).catch(
      // The hint only shortens the probing after a restart; losing it costs a few claims then.
      (error: unknown) => {
        if (!(error instanceof mongoose.mongo.MongoServerError && error.code === 11000)) throw error
      },
    )
    return { next: index * sequenceBlockSize + 1, last }
  }

  return async function next(key: string): Promise<number> {
    for (;;) {
      const block = blocks.get(key)
      if (block && block.next <= block.last) return block.next++
      // One block request per key at a time: concurrent callers wait for it, then share it.
      let pending = allocating.get(key)
      if (!pending) {
        pending = takeBlock(key)
          .then((taken) => {
            blocks.set(key, taken)
            return taken
          })
          .finally(() => allocating.delete(key))
        allocating.set(key, pending)
      }
      await pending
    }
  }
}

/** This instance's sequences. */
export const nextSequence = sequenceAllocator()

async function incrementCounter(key: string, by: number, retried = false): Promise<number> {
  try {
    const counter = await CounterModel.findOneAndUpdate(
      { _id: key },
      { $inc: { value: by } },
      { upsert: true, new: true },
    ).lean()
    return counter!.value as number
  } catch (error) {
    if (retried || !(error instanceof mongoose.mongo.MongoServerError && error.code === 11000)) throw error
    return incrementCounter(key, by, true)
  }
}

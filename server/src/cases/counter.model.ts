import mongoose, { Schema } from 'mongoose'

const CounterModel = mongoose.model(
  'Counter',
  new Schema({ _id: String, value: Number }, { collection: 'counters' }),
)

/** Atomic per-key sequence (upsert + $inc), used for readable case numbers per day. */
export async function nextSequence(key: string): Promise<number> {
  const counter = await CounterModel.findOneAndUpdate(
    { _id: key },
    { $inc: { value: 1 } },
    { upsert: true, new: true },
  )
  return counter.value as number
}

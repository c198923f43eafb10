import mongoose from 'mongoose'

/** A unique index refused the write: the way concurrent writers learn that another one won. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof mongoose.mongo.MongoServerError && error.code === 11000
}

/** Any model: only its updateOne is used (method syntax keeps the parameters bivariant). */
interface Updatable {
  updateOne(filter: object, update: object, options?: { upsert?: boolean }): { exec(): Promise<unknown> }
}

/**
 * An upsert that survives a race: on FerretDB two first upserts of one document can both try to
 * insert, and the loser gets a duplicate key — by then the document exists, so update it.
 */
export async function upsert(
  model: Updatable,
  filter: object,
  update: Record<string, unknown>,
): Promise<void> {
  try {
    await model.updateOne(filter, update, { upsert: true }).exec()
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    const { $setOnInsert: _insertOnly, ...rest } = update
    await model.updateOne(filter, rest).exec()
  }
}

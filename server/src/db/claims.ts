import mongoose, { Schema } from 'mongoose'
import { isDuplicateKey } from './duplicateKey'
import { expireAfter } from './expiry'

const ClaimModel = mongoose.model(
  'Claim',
  new Schema({ _id: String, at: Date }, { collection: 'claims', versionKey: false }),
)
// Every claim guards something that happens within days (a code's tries, an outbox attempt, a
// deadline warning, a reminder for a due date, a day's case numbers), so after 90 days it can go:
// on MongoDB a TTL index keeps the table from growing forever.
expireAfter('Claim', 'at', 90 * 24 * 3600)

/**
 * Claims a key once, across every server instance: true for the one caller whose insert stored
 * it. An insert on a unique `_id` is the write FerretDB v1 (SQLite) makes atomic — its updates
 * read and then write, so two concurrent `$inc`s or conditional updates can both "succeed" (found
 * by measurement: 40 concurrent `$inc` of one counter left it at 8).
 */
export async function claimOnce(key: string, at = new Date()): Promise<boolean> {
  try {
    // Through the driver: a mongoose document (construction, validation, save hooks) for two
    // fields the caller gives as a string and a Date cost more CPU than the round trip; the
    // background step of every submission claims twice (issue 18).
    await ClaimModel.collection.insertOne({ _id: key, at } as never)
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

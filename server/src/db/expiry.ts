import mongoose from 'mongoose'
import { hasTtlIndexes } from './flavour'

/** What the expiry lengths may depend on (config values). */
export interface ExpiryConfig {
  UPLOAD_SESSION_TTL_HOURS: number
}

interface Expiry {
  model: string
  field: string
  seconds: (config: ExpiryConfig) => number
}

const expiries: Expiry[] = []

/**
 * Declares that documents of a model may go once `field` is `seconds` old. On MongoDB this becomes
 * a TTL index; FerretDB v1 has none, so there the housekeeping jobs stay the only cleaner (they
 * run on MongoDB too and then simply find less to do).
 */
export function expireAfter(model: string, field: string, seconds: number | Expiry['seconds']): void {
  expiries.push({ model, field, seconds: typeof seconds === 'number' ? () => seconds : seconds })
}

/** What is declared, as `collection.field` → seconds (for tests and the start-up log). */
export function declaredExpiries(config: ExpiryConfig): Record<string, number> {
  return Object.fromEntries(
    expiries.map(({ model, field, seconds }) => [
      `${mongoose.model(model).collection.collectionName}.${field}`,
      Math.round(seconds(config)),
    ]),
  )
}

/** The TTL indexes in force on MongoDB; nothing on FerretDB. Returns the index names created. */
export async function ensureTtlIndexes(config: ExpiryConfig): Promise<string[]> {
  if (!hasTtlIndexes()) return []
  const created: string[] = []
  for (const { model, field, seconds } of expiries) {
    const collection = mongoose.model(model).collection
    const name = `ttl_${field}`
    const expireAfterSeconds = Math.round(seconds(config))
    const existing = (await collection.indexes().catch(() => [])).find((index) => index.name === name)
    // A changed length cannot be altered in place portably (collMod needs privileges): rebuild.
    if (existing && existing.expireAfterSeconds !== expireAfterSeconds) await collection.dropIndex(name)
    if (!existing || existing.expireAfterSeconds !== expireAfterSeconds) {
      await collection.createIndex({ [field]: 1 }, { name, expireAfterSeconds })
      created.push(`${collection.collectionName}.${name}`)
    }
  }
  return created
}

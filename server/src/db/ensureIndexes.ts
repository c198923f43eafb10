import mongoose from 'mongoose'
import type { LocalDatabase } from './localDatabase'
import { ensureTtlIndexes, type ExpiryConfig } from './expiry'
import { syncGinIndexes, type GinSyncResult } from './postgres/ginIndexes'

export interface IndexSyncResult {
  gin?: GinSyncResult
  /** TTL indexes created (MongoDB only). */
  ttl: string[]
}

/**
 * Creates every index the models declare; on MongoDB the TTL indexes declared with expireAfter;
 * on FerretDB over a PostgreSQL cluster we can reach, the GIN expression indexes that make its
 * pushed-down equality filters index-backed (FerretDB's own indexes are never used by its
 * queries). Indexes must exist before the first request: unique ones decide races.
 */
export async function ensureIndexes(
  local: Pick<LocalDatabase, 'postgresUrl'> | undefined,
  config: ExpiryConfig,
): Promise<IndexSyncResult> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()))
  const ttl = await ensureTtlIndexes(config)
  const database = mongoose.connection.db?.databaseName
  if (!local?.postgresUrl || !database) return { ttl }
  return { ttl, gin: await syncGinIndexes(local.postgresUrl, database) }
}

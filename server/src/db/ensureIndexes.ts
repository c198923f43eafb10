import mongoose from 'mongoose'
import type { LocalDatabase } from './localDatabase'
import { syncGinIndexes, type GinSyncResult } from './postgres/ginIndexes'

/**
 * Creates every index the models declare, and on FerretDB over our own PostgreSQL cluster the GIN
 * expression indexes that make its pushed-down equality filters index-backed (FerretDB's own
 * indexes are never used by its queries). Indexes must exist before the first request: unique ones
 * decide races.
 */
export async function ensureIndexes(
  local?: Pick<LocalDatabase, 'postgresUrl'>,
): Promise<GinSyncResult | undefined> {
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()))
  const database = mongoose.connection.db?.databaseName
  if (!local?.postgresUrl || !database) return undefined
  return syncGinIndexes(local.postgresUrl, database)
}

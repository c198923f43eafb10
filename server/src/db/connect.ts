import mongoose from 'mongoose'

/**
 * Connects mongoose. Server selection fails fast (5 s) so that a request during a database
 * outage is answered with 503 instead of hanging; the driver reconnects on its own afterwards.
 */
export async function connectDatabase(
  uri: string,
  dbName?: string,
  options: { poolSize?: number } = {},
): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true)
  // Operations wait for a connection instead of failing at once while the driver reconnects,
  // but never longer than the server selection timeout.
  return mongoose.connect(uri, {
    dbName,
    serverSelectionTimeoutMS: 5_000,
    // FerretDB v1 has no retryable writes (no replica set / sessions), MongoDB ignores it on standalone.
    retryWrites: false,
    ...(options.poolSize ? { maxPoolSize: options.poolSize } : {}),
  })
}

export function isDatabaseReady(): boolean {
  return mongoose.connection.readyState === 1
}

export async function pingDatabase(): Promise<boolean> {
  try {
    const db = mongoose.connection.db
    if (!db) return false
    await db.admin().command({ ping: 1 })
    return true
  } catch {
    return false
  }
}

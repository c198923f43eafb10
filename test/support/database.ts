import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startLocalDatabase, type LocalDatabase } from '../../server/src/db/localDatabase'

/**
 * A database server of the test's own (the shared test database must keep running), that the test
 * can stop and start again on the same port and data. It is chosen as the server chooses its local
 * database (mongod where it exists, else FerretDB on PostgreSQL, else on SQLite; DB_BACKEND forces one).
 */
export async function ownDatabase() {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minqing-db-'))
  let database: LocalDatabase | undefined
  return {
    uri: `mongodb://127.0.0.1:${port}/faults`,
    async start() {
      database = await startLocalDatabase({ dataDir, port })
    },
    /** The whole database goes away: FerretDB and, on PostgreSQL, the cluster behind it. */
    async stop() {
      await database?.stop()
      database = undefined
    },
  }
}

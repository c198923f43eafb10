import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startLocalDatabase } from '../src/db/localDatabase'

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string
    databaseKind: string
    /** FerretDB's PostgreSQL cluster when the run uses one, else ''. */
    postgresUrl: string
  }
}

/**
 * One real database server for the whole test run: MONGODB_URI when set (a real MongoDB in
 * production-like CI), otherwise a local one started the same way the server starts it
 * (FerretDB on PostgreSQL by default; DB_BACKEND=sqlite forces the SQLite fallback).
 */
export default async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI)
    project.provide('databaseKind', 'external')
    project.provide('postgresUrl', '')
    return
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minqing-test-db-'))
  // Ephemeral: the data dir is removed at the end of the run, so PostgreSQL need not fsync.
  const database = await startLocalDatabase({ dataDir, ephemeral: true })
  console.log(`[test database] ${database.kind}: ${database.reason}`)
  project.provide('mongoUri', database.uri)
  project.provide('databaseKind', database.kind)
  project.provide('postgresUrl', database.postgresUrl ?? '')
  // Servers the browser tests start (MONGODB_URI = this FerretDB) keep their GIN indexes in step
  // on its cluster too; test workers and the processes they spawn inherit this.
  if (database.postgresUrl) process.env.FERRETDB_POSTGRESQL_URL = database.postgresUrl
  return async () => {
    await database.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

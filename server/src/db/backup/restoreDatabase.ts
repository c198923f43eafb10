import { existsSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { postgresDatabase } from '../local/postgres'
import { run } from './backupDatabase'
import { connectionFor, openEmbeddedCluster } from './embeddedCluster'

/**
 * Brings a backup back into the embedded database, replacing what is there. The server must be
 * stopped: FerretDB keeps the collection catalogue in memory, so it must not run while its tables
 * are replaced — a cluster that is already running is therefore refused. FerretDB's database is
 * dropped and created afresh (collections made after the backup must not survive as stray tables),
 * then pg_restore loads the dump; the GIN indexes come back with it and are re-synced at start.
 * Works on a wiped data directory too: a new cluster is created first.
 */
export async function restoreDatabase(options: { dataDir: string; file: string }): Promise<void> {
  const file = path.resolve(options.file)
  if (!existsSync(file)) throw new Error(`no backup at ${file}`)
  const cluster = await openEmbeddedCluster(options.dataDir, { reuse: true, create: true })
  try {
    if (!cluster.owned)
      throw new Error(
        `the database is running (PostgreSQL pid ${cluster.pid}): stop the server before restoring`,
      )
    const admin = new pg.Client({
      connectionString: cluster.url.replace(`/${postgresDatabase}`, '/postgres'),
    })
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${postgresDatabase}`)
      await admin.query(`CREATE DATABASE ${postgresDatabase}`)
    } finally {
      await admin.end()
    }
    const { dbname, env } = connectionFor(cluster.url)
    await run(
      path.join(cluster.binDir, 'pg_restore'),
      ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file],
      env,
    )
  } finally {
    if (cluster.owned) await cluster.stop()
  }
}

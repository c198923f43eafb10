import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { backendFromEnv } from '../localDatabase'
import { findPostgres, serviceAccount, startPostgres, type PostgresCluster } from '../local/postgres'

/** FerretDB's private PostgreSQL cluster under dataDir, started for a backup or restore. */
export async function openEmbeddedCluster(
  dataDir: string,
  { reuse, create }: { reuse: boolean; create: boolean },
): Promise<PostgresCluster & { binDir: string }> {
  const sqlite =
    'backup and restore cover the PostgreSQL default; on the SQLite fallback stop the server and copy DATA_DIR/ferretdb'
  if (backendFromEnv() === 'sqlite') throw new Error(`DB_BACKEND=sqlite: ${sqlite}`)
  // Backing up a cluster that does not exist would only write an empty backup.
  if (!create && !existsSync(path.join(dataDir, 'pg', 'PG_VERSION')))
    throw new Error(`no PostgreSQL cluster in ${dataDir}: ${sqlite}`)
  const postgres = findPostgres()
  if ('missing' in postgres)
    throw new Error(`backup and restore need the embedded PostgreSQL cluster, but ${postgres.missing}`)
  const account = serviceAccount()
  if (account && 'missing' in account) throw new Error(account.missing)
  // A restore onto a wiped machine starts from nothing: the cluster is created afresh.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const cluster = await startPostgres({ dataDir, binDir: postgres.binDir, account, reuse })
  return { ...cluster, binDir: postgres.binDir }
}

/** pg tools get the password through the environment, never on a command line others can read. */
export function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password, LC_ALL: 'C' } }
}

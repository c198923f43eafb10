import { chmodSync, existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFerretdb } from './local/ferretdb'
import { startMemoryServer } from './local/memoryServer'
import { startMongod } from './local/mongod'
import { findPostgres, serviceAccount, startPostgres, type PostgresCluster } from './local/postgres'
import { findOnPath } from './local/processes'

export { freePort } from './local/processes'

export type LocalDatabaseKind = 'mongod' | 'ferretdb-postgresql' | 'ferretdb-sqlite' | 'mongodb-memory-server'

export interface LocalDatabase {
  uri: string
  kind: LocalDatabaseKind
  /** Why this kind was chosen, for the start-up log. */
  reason: string
  /** False when an instance left running by an earlier process was adopted. */
  owned: boolean
  /** FerretDB's PostgreSQL cluster (postgres://…), for the GIN indexes kept beside its tables. */
  postgresUrl?: string
  stop(): Promise<void>
}

export interface LocalDatabaseOptions {
  dataDir: string
  /** Reuse servers left running by an earlier process on the same data dir (after kill -9). */
  reuse?: boolean
  /** Force FerretDB's backend; defaults to DB_BACKEND, else PostgreSQL when it can be had. */
  backend?: 'postgresql' | 'sqlite'
  /** FerretDB's port (a restart on the same address, for the outage test); a free one otherwise. */
  port?: number
  /** Data thrown away afterwards (a test run's database): PostgreSQL does not wait for the disk. */
  ephemeral?: boolean
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const projectFerretdbPath = path.join(projectRoot, '.tools/bin/ferretdb')

/** DB_BACKEND, checked: a typo must not silently pick another database. */
export function backendFromEnv(value = process.env.DB_BACKEND): 'postgresql' | 'sqlite' | undefined {
  if (value === undefined || value === '') return undefined
  if (value === 'postgresql' || value === 'sqlite') return value
  throw new Error(`DB_BACKEND must be "postgresql" or "sqlite" (got "${value}")`)
}

/**
 * Starts a database for a machine without MONGODB_URI, in the order the README promises:
 * mongod on PATH; FerretDB on a private PostgreSQL cluster; FerretDB on SQLite where PostgreSQL
 * cannot be had; mongodb-memory-server last (it downloads MongoDB, so it needs the internet).
 * All listen on 127.0.0.1 only and keep their files in 0700 directories.
 */
export async function startLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const dataDir = path.resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  chmodSync(dataDir, 0o700)
  const reuse = options.reuse ?? false
  const forced = options.backend ?? backendFromEnv()

  const mongod = forced ? undefined : findOnPath('mongod')
  if (mongod) {
    const server = await startMongod(mongod, dataDir, reuse, options.port)
    return describe(server, 'mongod', 'mongod found on PATH')
  }

  const ferretdb = existsSync(projectFerretdbPath) ? projectFerretdbPath : findOnPath('ferretdb')
  if (!ferretdb) {
    if (forced) throw new Error(`DB_BACKEND=${forced} but FerretDB is not installed: run npm run setup`)
    const server = await startMemoryServer(dataDir)
    return {
      ...server,
      kind: 'mongodb-memory-server',
      reason: 'no mongod or ferretdb found; mongodb-memory-server downloaded MongoDB (needs internet)',
      owned: true,
    }
  }

  const postgres = forced === 'sqlite' ? { missing: 'DB_BACKEND=sqlite' } : findPostgres()
  const account = serviceAccount()
  const unavailable =
    'missing' in postgres ? postgres.missing : account && 'missing' in account ? account.missing : undefined
  if (unavailable === undefined && 'binDir' in postgres) {
    const cluster = await startPostgres({
      dataDir,
      binDir: postgres.binDir,
      account: account as { uid: number; gid: number } | undefined,
      reuse,
      ephemeral: options.ephemeral,
    })
    return startFerretdbOnPostgres(
      ferretdb,
      dataDir,
      cluster,
      { reuse, port: options.port },
      postgres.binDir,
      forced,
    )
  }
  if (forced === 'postgresql') throw new Error(`DB_BACKEND=postgresql but ${unavailable}`)

  const dir = path.join(dataDir, 'ferretdb')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  const server = await startFerretdb({
    binary: ferretdb,
    dataDir,
    backend: { handler: 'sqlite', dir },
    reuse,
    port: options.port,
  })
  return describe(server, 'ferretdb-sqlite', `FerretDB on SQLite, because ${unavailable}`)
}

async function startFerretdbOnPostgres(
  ferretdb: string,
  dataDir: string,
  cluster: PostgresCluster,
  { reuse, port }: { reuse: boolean; port?: number },
  binDir: string,
  forced: string | undefined,
): Promise<LocalDatabase> {
  try {
    const server = await startFerretdb({
      binary: ferretdb,
      dataDir,
      backend: { handler: 'postgresql', url: cluster.url, postgresPid: cluster.pid },
      reuse,
      port,
    })
    const why = forced ? 'DB_BACKEND=postgresql' : `PostgreSQL found in ${binDir}`
    const database = describe(
      server,
      'ferretdb-postgresql',
      `FerretDB on a private PostgreSQL cluster (${why})`,
    )
    return {
      ...database,
      reason: `${database.reason}${cluster.owned ? '' : `; PostgreSQL already running (pid ${cluster.pid})`}`,
      postgresUrl: cluster.url,
      // FerretDB first: it must not see its backend vanish while it still answers.
      stop: async () => {
        await server.stop()
        await cluster.stop()
      },
    }
  } catch (error) {
    await cluster.stop()
    throw error
  }
}

function describe(
  server: { port: number; pid: number; owned: boolean; stop(): Promise<void> },
  kind: LocalDatabaseKind,
  reason: string,
): LocalDatabase {
  return {
    uri: `mongodb://127.0.0.1:${server.port}/`,
    kind,
    reason: server.owned ? reason : `${reason}; reusing the instance already running (pid ${server.pid})`,
    owned: server.owned,
    stop: server.stop,
  }
}

import { spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import {
  delay,
  freePort,
  isProcessOf,
  killAndWait,
  readTail,
  spawnWithFilteredLog,
  stopChild,
  waitForPort,
} from './processes'

/** A private PostgreSQL cluster under the data dir, for FerretDB's PostgreSQL backend. */

const searchDirs = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin']
export const postgresUser = 'minqing'
export const postgresDatabase = 'ferretdb'

export interface PostgresCluster {
  /** postgres://… for FerretDB and for the GIN index sync. */
  url: string
  port: number
  pid: number
  owned: boolean
  stop(): Promise<void>
}

/** Where initdb/postgres live, or why PostgreSQL cannot be had. */
export function findPostgres(): { binDir: string } | { missing: string } {
  const fromEnv = process.env.POSTGRES_BIN_DIR
  const binDir = [fromEnv, ...searchDirs].find(
    (dir): dir is string =>
      !!dir && existsSync(path.join(dir, 'postgres')) && existsSync(path.join(dir, 'initdb')),
  )
  if (!binDir)
    return { missing: 'PostgreSQL binaries not found (apt-get install postgresql, or npm run setup)' }
  return { binDir }
}

/**
 * initdb and postgres refuse to run as root. As root we run them as Debian's `postgres` system
 * user, which the postgresql package creates; otherwise as ourselves.
 */
export function serviceAccount(): { uid: number; gid: number } | { missing: string } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const result = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
  const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
  if (result.status !== 0 || group.status !== 0) {
    return { missing: "running as root and there is no 'postgres' system user to run PostgreSQL as" }
  }
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) }
}

/** Settings rewritten at every start, so an existing cluster follows the code. */
function settings(ephemeral: boolean): string {
  return [
    '# Written by Minqing at every start (server/src/db/local/postgres.ts); edits are overwritten.',
    "listen_addresses = '127.0.0.1'",
    // No Unix socket: only password-authenticated TCP on loopback reaches the cluster.
    "unix_socket_directories = ''",
    // A throwaway cluster (the tests') skips waiting for the disk: its data dir is deleted at the
    // end, and a killed process loses nothing the OS has (only a crash of the machine would).
    ...(ephemeral
      ? ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']
      : ['fsync = on', 'synchronous_commit = on']),
    // FerretDB binds the field name as a parameter; a cached generic plan of `_jsonb->$1 @> $2`
    // can never use the GIN expression indexes, a custom plan per execution can.
    'plan_cache_mode = force_custom_plan',
    "password_encryption = 'scram-sha-256'",
    // Duplicate-key errors are expected (unique inserts decide races): one terse line each, with
    // the SQLSTATE in the prefix so the log filter can drop them; no DETAIL (it holds the key's
    // value, possibly personal data) and no statement text.
    'log_error_verbosity = terse',
    'log_min_error_statement = panic',
    "log_line_prefix = '%m [%p] %e '",
    'max_connections = 200',
    'shared_buffers = 128MB',
    '',
  ].join('\n')
}

const hba = [
  '# Written by Minqing: loopback TCP with a password only.',
  'host all all 127.0.0.1/32 scram-sha-256',
  '',
].join('\n')

export interface StartPostgresOptions {
  dataDir: string
  binDir: string
  account: { uid: number; gid: number } | undefined
  reuse: boolean
  /** A cluster whose data is thrown away afterwards (tests): no fsync. */
  ephemeral?: boolean
}

export async function startPostgres(options: StartPostgresOptions): Promise<PostgresCluster> {
  const { dataDir, binDir, account } = options
  const clusterDir = path.join(dataDir, 'pg')
  const password = readOrCreatePassword(dataDir)
  if (account) {
    // The data dir stays closed to everyone but the server user and PostgreSQL's group, which
    // may pass through it (no listing) to reach its own 0700 cluster dir.
    chownSync(dataDir, process.getuid!(), account.gid)
    chmodSync(dataDir, 0o710)
  }
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) initCluster(clusterDir, binDir, account, password)
  writeFileSync(path.join(clusterDir, 'minqing.conf'), settings(options.ephemeral ?? false))
  writeFileSync(path.join(clusterDir, 'pg_hba.conf'), hba)
  if (account) {
    chownSync(path.join(clusterDir, 'minqing.conf'), account.uid, account.gid)
    chownSync(path.join(clusterDir, 'pg_hba.conf'), account.uid, account.gid)
  }

  const urlFor = (port: number) =>
    `postgres://${postgresUser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${postgresDatabase}`

  if (options.reuse) {
    const running = await runningCluster(clusterDir, binDir)
    if (running) {
      return {
        url: urlFor(running.port),
        port: running.port,
        pid: running.pid,
        owned: false,
        // SIGINT is PostgreSQL's fast shutdown: sessions are ended, the data is checkpointed.
        stop: () => killAndWait(running.pid, 'SIGINT'),
      }
    }
  }

  const port = await freePort()
  const logFile = path.join(dataDir, 'postgresql.log')
  const { child } = spawnWithFilteredLog(
    path.join(binDir, 'postgres'),
    ['-D', clusterDir, '-p', String(port)],
    logFile,
    [' 23505 '],
    { ...account, env: { ...process.env, LC_ALL: 'C' } },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = await Promise.race([waitForPort(port, 60_000), exited.then(() => false)])
  if (!ready || !(await acceptsLogin(urlFor(port).replace(`/${postgresDatabase}`, '/postgres')))) {
    child.kill('SIGKILL')
    throw new Error(`PostgreSQL did not start on 127.0.0.1:${port}. Last log lines:\n${readTail(logFile)}`)
  }
  await ensureDatabase(urlFor(port).replace(`/${postgresDatabase}`, '/postgres'))
  const stopOnExit = () => child.kill('SIGINT')
  process.once('exit', stopOnExit)
  return {
    url: urlFor(port),
    port,
    pid: child.pid ?? 0,
    owned: true,
    stop: async () => {
      process.off('exit', stopOnExit)
      await stopChild(child as ChildProcess, 'SIGINT')
    },
  }
}

/** The password is made once and kept beside the cluster, readable only by the server user. */
function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const password = randomBytes(24).toString('base64url')
  writeFileSync(file, `${password}\n`, { mode: 0o600 })
  return password
}

function initCluster(
  clusterDir: string,
  binDir: string,
  account: { uid: number; gid: number } | undefined,
  password: string,
): void {
  rmSync(clusterDir, { recursive: true, force: true })
  mkdirSync(clusterDir, { mode: 0o700 })
  // initdb reads the superuser's password from a file; it must be readable by the cluster's owner.
  const passwordFile = path.join(path.dirname(clusterDir), 'pg-initdb-password')
  writeFileSync(passwordFile, password, { mode: 0o600 })
  if (account) {
    chownSync(clusterDir, account.uid, account.gid)
    chownSync(passwordFile, account.uid, account.gid)
  }
  const result = spawnSync(
    path.join(binDir, 'initdb'),
    [
      '-D',
      clusterDir,
      '-U',
      postgresUser,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--no-instructions',
    ],
    { encoding: 'utf8', ...account, env: { ...process.env, LC_ALL: 'C' }, cwd: os.tmpdir() },
  )
  rmSync(passwordFile, { force: true })
  if (result.status !== 0) {
    rmSync(clusterDir, { recursive: true, force: true })
    throw new Error(`initdb failed: ${result.stderr || result.stdout}`)
  }
  const conf = path.join(clusterDir, 'postgresql.conf')
  writeFileSync(conf, `${readFileSync(conf, 'utf8')}\ninclude_if_exists 'minqing.conf'\n`)
}

/** A postmaster left running on this cluster by an earlier process (after a kill -9). */
async function runningCluster(
  clusterDir: string,
  binDir: string,
): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(clusterDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return undefined
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n')
  const pid = Number(pidLine)
  const port = Number(portLine)
  if (!pid || !port || !isProcessOf(pid, path.join(binDir, 'postgres'))) return undefined
  return (await waitForPort(port, 5_000)) ? { pid, port } : undefined
}

/** The port opens before recovery has finished; wait until a login succeeds. */
async function acceptsLogin(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.end()
      return true
    } catch (error) {
      await client.end().catch(() => undefined)
      // 57P03: the database system is starting up.
      if ((error as { code?: string }).code !== '57P03') return false
      await delay(100)
    }
  }
  return false
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [postgresDatabase])
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${postgresDatabase}`)
  } finally {
    await client.end()
  }
}

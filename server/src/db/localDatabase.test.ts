import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import mongoose from 'mongoose'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { isAlive } from './local/processes'
import { backendFromEnv, startLocalDatabase, type LocalDatabase } from './localDatabase'

const dirs: string[] = []
const started: LocalDatabase[] = []
afterAll(async () => {
  for (const database of started) await database.stop().catch(() => undefined)
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-local-db-'))
  dirs.push(dir)
  return dir
}

const mode = (file: string) => statSync(file).mode & 0o777

async function waitFor(check: () => boolean, what: string) {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** The server's process, started and killed with -9 after it has written a document. */
async function startAndKill(dataDir: string): Promise<{ uri: string; kind: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('test/holdLocalDatabase.ts'), dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DB_BACKEND: 'postgresql' },
    },
  )
  const line = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk) => {
      output += String(chunk)
      if (output.includes('\n')) resolve(output.split('\n')[0]!)
    })
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}: ${output}`)))
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
  return JSON.parse(line) as { uri: string; kind: string }
}

describe('the local database on PostgreSQL', () => {
  it('is adopted after the server is killed with -9, FerretDB and PostgreSQL both, and stopped for good after', async () => {
    const dataDir = tempDir()
    const first = await startAndKill(dataDir)
    expect(first.kind).toBe('ferretdb-postgresql')
    const ferretdbPid = (
      JSON.parse(readFileSync(path.join(dataDir, 'ferretdb.json'), 'utf8')) as { pid: number }
    ).pid
    const postgresPid = Number(readFileSync(path.join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[0])
    expect(isAlive(ferretdbPid) && isAlive(postgresPid)).toBe(true)

    const adopted = await startLocalDatabase({ dataDir, reuse: true, backend: 'postgresql' })
    started.push(adopted)
    expect(adopted).toMatchObject({ uri: first.uri, owned: false, kind: 'ferretdb-postgresql' })
    expect(adopted.reason).toContain('reusing the instance already running')
    const connection = await mongoose.createConnection(adopted.uri, { dbName: 'adopt' }).asPromise()
    expect(await connection.db!.collection('marks').countDocuments({ _id: 'before-kill' } as never)).toBe(1)
    await connection.close()

    await adopted.stop()
    expect(isAlive(ferretdbPid)).toBe(false)
    expect(isAlive(postgresPid)).toBe(false)

    const again = await startLocalDatabase({ dataDir, reuse: true, backend: 'postgresql' })
    started.push(again)
    expect(again.owned).toBe(true)
    const reopened = await mongoose.createConnection(again.uri, { dbName: 'adopt' }).asPromise()
    expect(await reopened.db!.collection('marks').countDocuments({ _id: 'before-kill' } as never)).toBe(1)
    await reopened.close()
    await again.stop()
  }, 120_000)

  it('listens on loopback with a password only, keeps its files private, and logs no expected duplicate key', async () => {
    const dataDir = tempDir()
    const database = await startLocalDatabase({ dataDir, backend: 'postgresql' })
    started.push(database)
    // Closed to other users: the server user alone, and (as root) PostgreSQL's group may pass through.
    expect(mode(dataDir) & 0o007).toBe(0)
    expect(mode(path.join(dataDir, 'pg'))).toBe(0o700)
    expect(mode(path.join(dataDir, 'pg-password'))).toBe(0o600)
    expect(mode(path.join(dataDir, 'ferretdb.log'))).toBe(0o600)

    const url = new URL(database.postgresUrl!)
    const admin = new pg.Client({ connectionString: database.postgresUrl })
    await admin.connect()
    const listen = await admin.query<{ listen_addresses: string }>('SHOW listen_addresses')
    expect(listen.rows[0]!.listen_addresses).toBe('127.0.0.1')
    const plans = await admin.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')
    expect(plans.rows[0]!.plan_cache_mode).toBe('force_custom_plan')
    await admin.end()
    url.password = 'wrong'
    const intruder = new pg.Client({ connectionString: url.toString() })
    await expect(intruder.connect()).rejects.toMatchObject({ code: '28P01' })
    await intruder.end().catch(() => undefined)

    const connection = await mongoose.createConnection(database.uri, { dbName: 'logs' }).asPromise()
    const marks = connection.db!.collection('marks')
    await marks.insertOne({ _id: 'phone|13912345678' } as never)
    await expect(marks.insertOne({ _id: 'phone|13912345678' } as never)).rejects.toMatchObject({
      code: 11000,
    })
    await connection.close()
    // The failed login is a real error: it reaches the log, so the log is being written by now.
    const postgresLog = () => readFileSync(path.join(dataDir, 'postgresql.log'), 'utf8')
    await waitFor(
      () => postgresLog().includes('password authentication failed'),
      'the failed login in the log',
    )
    await database.stop()
    const ferretdbLog = readFileSync(path.join(dataDir, 'ferretdb.log'), 'utf8')
    for (const log of [postgresLog(), ferretdbLog]) {
      expect(log).not.toContain('23505')
      expect(log).not.toContain('13912345678')
    }
  }, 120_000)
})

describe('the SQLite fallback and DB_BACKEND', () => {
  it('DB_BACKEND=sqlite starts FerretDB on SQLite in a private directory and says why', async () => {
    const dataDir = tempDir()
    const database = await startLocalDatabase({ dataDir, backend: backendFromEnv('sqlite') })
    started.push(database)
    expect(database.kind).toBe('ferretdb-sqlite')
    expect(database.reason).toContain('DB_BACKEND=sqlite')
    expect(database.postgresUrl).toBeUndefined()
    expect(mode(dataDir)).toBe(0o700)
    expect(mode(path.join(dataDir, 'ferretdb'))).toBe(0o700)
    await database.stop()
  }, 60_000)

  it('refuses a DB_BACKEND it does not know instead of silently picking another database', () => {
    expect(() => backendFromEnv('postgres')).toThrow('DB_BACKEND must be "postgresql" or "sqlite"')
    expect(backendFromEnv('')).toBeUndefined()
  })
})

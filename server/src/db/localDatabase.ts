import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type LocalDatabaseKind = 'mongod' | 'ferretdb' | 'mongodb-memory-server'

export interface LocalDatabase {
  uri: string
  kind: LocalDatabaseKind
  /** Why this kind was chosen, for the start-up log. */
  reason: string
  /** False when an instance left running by an earlier process was adopted. */
  owned: boolean
  stop(): Promise<void>
}

export interface LocalDatabaseOptions {
  dataDir: string
  /** Reuse a server left running by an earlier process on the same data dir (after kill -9). */
  reuse?: boolean
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const projectFerretdbPath = path.join(projectRoot, '.tools/bin/ferretdb')

/**
 * Starts a database for a machine without MONGODB_URI, in the order the README promises:
 * mongod on PATH, then FerretDB (project tool folder, then PATH), then mongodb-memory-server
 * (which downloads MongoDB, so it needs the internet).
 */
export async function startLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const dataDir = path.resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true })

  const mongod = findOnPath('mongod')
  if (mongod) {
    return startProcess(options, dataDir, 'mongod', mongod, 'mongod found on PATH', (port, dir) => [
      '--dbpath',
      dir,
      '--port',
      String(port),
      '--bind_ip',
      '127.0.0.1',
    ])
  }

  const ferretdb = existsSync(projectFerretdbPath) ? projectFerretdbPath : findOnPath('ferretdb')
  if (ferretdb) {
    const where = ferretdb === projectFerretdbPath ? 'the project tool folder (.tools/bin)' : 'PATH'
    return startProcess(
      options,
      dataDir,
      'ferretdb',
      ferretdb,
      `no mongod on PATH; FerretDB (SQLite backend) found in ${where}`,
      (port, dir) => [
        '--handler=sqlite',
        `--sqlite-url=file:${dir}/`,
        `--state-dir=${dir}`,
        `--listen-addr=127.0.0.1:${port}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
    )
  }

  return startMemoryServer(dataDir)
}

function findOnPath(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  const found = result.stdout.trim()
  return result.status === 0 && found ? found : undefined
}

interface StateFile {
  pid: number
  port: number
  binary: string
}

async function startProcess(
  options: LocalDatabaseOptions,
  dataDir: string,
  kind: LocalDatabaseKind,
  binary: string,
  reason: string,
  argsFor: (port: number, dir: string) => string[],
): Promise<LocalDatabase> {
  const dir = path.join(dataDir, kind)
  mkdirSync(dir, { recursive: true })
  const stateFile = path.join(dataDir, `${kind}.json`)

  if (options.reuse) {
    const adopted = await adoptRunning(stateFile, binary)
    if (adopted) {
      return {
        uri: `mongodb://127.0.0.1:${adopted.port}/`,
        kind,
        reason: `${reason}; reusing the instance already running (pid ${adopted.pid})`,
        owned: false,
        stop: async () => killAndWait(adopted.pid, stateFile),
      }
    }
  }

  const port = await freePort()
  const logFd = openSync(path.join(dataDir, `${kind}.log`), 'a')
  const child: ChildProcess = spawn(binary, argsFor(port, dir), { stdio: ['ignore', logFd, logFd] })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  // A server that dies with us must not keep the data dir locked for the next start.
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)

  const ready = await Promise.race([waitForPort(port, 30_000), exited.then(() => false)])
  if (!ready) {
    child.kill('SIGKILL')
    const log = readTail(path.join(dataDir, `${kind}.log`))
    throw new Error(`${kind} did not start on 127.0.0.1:${port}. Last log lines:\n${log}`)
  }
  writeFileSync(stateFile, JSON.stringify({ pid: child.pid ?? 0, port, binary } satisfies StateFile))

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    kind,
    reason,
    owned: true,
    stop: async () => {
      process.off('exit', killOnExit)
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await Promise.race([exited, delay(5_000)])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(stateFile, { force: true })
    },
  }
}

async function adoptRunning(stateFile: string, binary: string): Promise<StateFile | undefined> {
  if (!existsSync(stateFile)) return undefined
  try {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StateFile
    if (state.binary !== binary || !isAlive(state.pid)) return undefined
    return (await waitForPort(state.port, 1_000)) ? state : undefined
  } catch {
    return undefined
  }
}

async function startMemoryServer(dataDir: string): Promise<LocalDatabase> {
  let MongoMemoryServer: typeof import('mongodb-memory-server-core').MongoMemoryServer
  try {
    ;({ MongoMemoryServer } = await import('mongodb-memory-server-core'))
  } catch {
    throw new Error(
      'No local database: no mongod or ferretdb on PATH, no .tools/bin/ferretdb, and mongodb-memory-server-core ' +
        'is not installed. Run `npm run setup` (builds FerretDB with Go) or set MONGODB_URI.',
    )
  }
  const dbPath = path.join(dataDir, 'memory-server')
  mkdirSync(dbPath, { recursive: true })
  const server = await MongoMemoryServer.create({
    instance: { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' },
  })
  return {
    uri: server.getUri(),
    kind: 'mongodb-memory-server',
    reason: 'no mongod or ferretdb found; mongodb-memory-server downloaded MongoDB (needs internet)',
    owned: true,
    stop: async () => {
      await server.stop({ doCleanup: false })
    },
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function killAndWait(pid: number, stateFile: string): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    // already gone
  }
  for (let i = 0; i < 50 && isAlive(pid); i++) await delay(100)
  if (isAlive(pid)) process.kill(pid, 'SIGKILL')
  rmSync(stateFile, { force: true })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await canConnect(port)) return true
    await delay(100)
  }
  return false
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')
  } catch {
    return '(no log)'
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

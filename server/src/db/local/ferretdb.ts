import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  freePort,
  isProcessOf,
  killAndWait,
  readTail,
  spawnWithFilteredLog,
  stopChild,
  waitForPort,
} from './processes'

/** FerretDB v1 in front of SQLite files or a PostgreSQL cluster. */

export type FerretdbBackend =
  { handler: 'sqlite'; dir: string } | { handler: 'postgresql'; url: string; postgresPid: number }

export interface FerretdbProcess {
  port: number
  pid: number
  owned: boolean
  stop(): Promise<void>
}

interface StateFile {
  pid: number
  port: number
  binary: string
  handler: FerretdbBackend['handler']
  /** The postmaster this FerretDB talks to: a FerretDB whose PostgreSQL was restarted is not adopted. */
  postgresPid?: number
}

/**
 * On PostgreSQL, FerretDB logs every failed statement at ERROR through pgx, with the statement's
 * arguments (whole documents). Duplicate keys are expected here (unique inserts decide races), so
 * those lines are dropped on their way to the log; every other error is kept.
 */
const expectedNoise = ['"Code":"23505"']

export async function startFerretdb(options: {
  binary: string
  dataDir: string
  backend: FerretdbBackend
  reuse: boolean
  port?: number
}): Promise<FerretdbProcess> {
  const { binary, dataDir, backend } = options
  const stateDir = path.join(dataDir, 'ferretdb-state')
  mkdirSync(stateDir, { recursive: true, mode: 0o700 })
  const stateFile = path.join(dataDir, 'ferretdb.json')

  if (options.reuse) {
    const adopted = await adoptRunning(stateFile, binary, backend)
    if (adopted) {
      return {
        port: adopted.port,
        pid: adopted.pid,
        owned: false,
        stop: async () => {
          await killAndWait(adopted.pid)
          rmSync(stateFile, { force: true })
        },
      }
    }
  }

  const port = options.port ?? (await freePort())
  const logFile = path.join(dataDir, 'ferretdb.log')
  const handlerArgs =
    backend.handler === 'sqlite'
      ? ['--handler=sqlite', `--sqlite-url=file:${backend.dir}/`]
      : ['--handler=postgresql']
  const { child } = spawnWithFilteredLog(
    binary,
    [
      ...handlerArgs,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=error',
    ],
    logFile,
    expectedNoise,
    // The URL holds the cluster's password: in the environment, not in the arguments `ps` shows.
    backend.handler === 'postgresql' ? { env: { ...process.env, FERRETDB_POSTGRESQL_URL: backend.url } } : {},
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // A server that dies with us must not keep the data dir locked for the next start.
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)

  const ready = await Promise.race([waitForPort(port, 30_000), exited.then(() => false)])
  if (!ready) {
    child.kill('SIGKILL')
    throw new Error(`ferretdb did not start on 127.0.0.1:${port}. Last log lines:\n${readTail(logFile)}`)
  }
  const state: StateFile = {
    pid: child.pid ?? 0,
    port,
    binary,
    handler: backend.handler,
    ...(backend.handler === 'postgresql' ? { postgresPid: backend.postgresPid } : {}),
  }
  writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 })

  return {
    port,
    pid: child.pid ?? 0,
    owned: true,
    stop: async () => {
      process.off('exit', killOnExit)
      await stopChild(child)
      rmSync(stateFile, { force: true })
    },
  }
}

async function adoptRunning(
  stateFile: string,
  binary: string,
  backend: FerretdbBackend,
): Promise<StateFile | undefined> {
  if (!existsSync(stateFile)) return undefined
  try {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StateFile
    if (!isProcessOf(state.pid, state.binary)) return undefined
    const postgresPid = backend.handler === 'postgresql' ? backend.postgresPid : undefined
    const sameSetup =
      state.binary === binary && state.handler === backend.handler && state.postgresPid === postgresPid
    if (!sameSetup) {
      // Left over from another backend or a PostgreSQL that has since restarted: replace it.
      await killAndWait(state.pid)
      return undefined
    }
    return (await waitForPort(state.port, 1_000)) ? state : undefined
  } catch {
    return undefined
  }
}

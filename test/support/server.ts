import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../../server/src/db/localDatabase'
import { serverBundleVariable } from './serverBundle'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface RunningServer {
  baseUrl: string
  /** The server's own database (fresh per server). */
  mongoUri: string
  /** Stops the process abruptly, as a crash or kill -9 would. */
  kill(): Promise<void>
  output: () => string
  stop(): Promise<void>
}

/**
 * Starts the real server process (`npm start`'s entry point) on a free port, against the test
 * database server with a fresh database, with demo data seeded as on a first start.
 */
export async function startServer(
  mongoUri: string,
  env: Record<string, string> = {},
  options: {
    /** Keep the database path of the URI (a restart of the same server) instead of a fresh one. */
    sameDatabase?: boolean
    /** Listen here (chosen beforehand by the caller, as sharedServer.ts does) instead of a free port. */
    port?: number
  } = {},
): Promise<RunningServer> {
  const port = options.port ?? (await freePort())
  const uri = new URL(mongoUri)
  if (!options.sameDatabase) uri.pathname = `/e2e_${randomBytes(5).toString('hex')}`
  let output = ''
  // The run's prebuilt bundle (serverBundle.ts) when there is one: tsx would transpile the
  // server's ~400 modules again in every process, the larger part of a start on a loaded machine.
  const bundle = process.env[serverBundleVariable]
  const child: ChildProcess = spawn(
    process.execPath,
    bundle ? [bundle] : ['--import', 'tsx', path.join(root, 'server/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        MONGODB_URI: uri.toString(),
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        JWT_SECRET: randomBytes(32).toString('hex'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))
  const baseUrl = `http://127.0.0.1:${port}`

  const ready = await waitUntilReady(baseUrl, () => child.exitCode !== null)
  if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
  if (!ready) {
    // Not left running: an orphaned server keeps its port and its CPU share after the test failed.
    child.kill('SIGKILL')
    throw new Error(`server did not become ready:\n${output}`)
  }

  return {
    baseUrl,
    mongoUri: uri.toString(),
    output: () => output,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/**
 * Polls `/readyz` until it answers 200 (true), `gone()` says the process is gone, or the deadline
 * passes (false). A guard, not a measure: a seeded start took 20-55 s at load 10-20 on this 2-core
 * machine, so 60 s failed whole files there (the hooks allow 180 s).
 */
export async function waitUntilReady(baseUrl: string, gone: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + 150_000
  while (Date.now() < deadline && !gone()) {
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return true
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}

/** Logs a demo account in over the API and returns its access token and user. */
export async function apiLogin(
  baseUrl: string,
  phone: string,
): Promise<{ accessToken: string; user: { id: string } }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: 'minqing-demo' }),
  })
  if (!response.ok) throw new Error(`login ${phone} failed: ${response.status}`)
  return (await response.json()) as { accessToken: string; user: { id: string } }
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, openSync, readFileSync, renameSync, statSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

/** Process and port helpers shared by the local database backends. */

export function findOnPath(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  const found = result.stdout.trim()
  return result.status === 0 && found ? found : undefined
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

export async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
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

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Whether `pid` is alive and runs `binary` (read from /proc where there is one), so that a pid
 * recorded by an earlier process and since reused by an unrelated one is neither adopted nor killed.
 */
export function isProcessOf(pid: number, binary: string): boolean {
  if (!isAlive(pid)) return false
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? ''
    return command === binary || path.basename(command) === path.basename(binary)
  } catch {
    return !existsSync('/proc/self')
  }
}

/** Stops a process that may not be our child (adopted after a kill -9 of its parent). */
export async function killAndWait(pid: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  try {
    process.kill(pid, signal)
  } catch {
    return // already gone
  }
  for (let i = 0; i < 100 && isAlive(pid); i++) await delay(100)
  if (isAlive(pid)) process.kill(pid, 'SIGKILL')
}

/** Stops our own child and waits for it to exit (SIGKILL after 10 s). */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

const maxLogBytes = 10 * 1024 * 1024

/**
 * Opens a log file for appending, after moving it to `<file>.1` when it has grown past 10 MB, so
 * a long-lived data dir keeps at most about 20 MB of each log.
 */
export function openRotatedLog(file: string): number {
  if (existsSync(file) && statSync(file).size > maxLogBytes) renameSync(file, `${file}.1`)
  return openSync(file, 'a', 0o600)
}

/**
 * Spawns `binary` with its output going through `grep -v` into `logFile`, so that expected noise
 * (duplicate-key errors, which also carry document values) never reaches the log. The filter is a
 * process of its own, so the server keeps logging after our process is killed with -9.
 */
export function spawnWithFilteredLog(
  binary: string,
  args: string[],
  logFile: string,
  dropPatterns: string[],
  options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {},
): { child: ChildProcess; filter: ChildProcess } {
  const logFd = openRotatedLog(logFile)
  const filter = spawn('grep', ['--line-buffered', '-v', ...dropPatterns.flatMap((p) => ['-e', p])], {
    stdio: ['pipe', logFd, logFd],
    detached: true,
  })
  const child = spawn(binary, args, {
    stdio: ['ignore', filter.stdin!, filter.stdin!],
    detached: true,
    ...options,
  })
  // Our copy of the pipe's write end: the filter must see end-of-file when the child exits.
  filter.stdin!.destroy()
  filter.unref()
  return { child, filter }
}

export function readTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  freePort,
  isProcessOf,
  killAndWait,
  openRotatedLog,
  readTail,
  stopChild,
  waitForPort,
} from './processes'

/** A real mongod found on PATH, with its files under the data dir. */
export async function startMongod(binary: string, dataDir: string, reuse: boolean, fixedPort?: number) {
  const dir = path.join(dataDir, 'mongod')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const stateFile = path.join(dataDir, 'mongod.json')
  if (reuse && existsSync(stateFile)) {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number; port: number }
    if (isProcessOf(state.pid, binary) && (await waitForPort(state.port, 1_000))) {
      return {
        port: state.port,
        pid: state.pid,
        owned: false,
        stop: async () => {
          await killAndWait(state.pid)
          rmSync(stateFile, { force: true })
        },
      }
    }
  }
  const port = fixedPort ?? (await freePort())
  const logFile = path.join(dataDir, 'mongod.log')
  const logFd = openRotatedLog(logFile)
  const child = spawn(binary, ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1'], {
    stdio: ['ignore', logFd, logFd],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const killOnExit = () => child.kill('SIGTERM')
  process.once('exit', killOnExit)
  const ready = await Promise.race([waitForPort(port, 30_000), exited.then(() => false)])
  if (!ready) {
    child.kill('SIGKILL')
    throw new Error(`mongod did not start on 127.0.0.1:${port}. Last log lines:\n${readTail(logFile)}`)
  }
  writeFileSync(stateFile, JSON.stringify({ pid: child.pid, port }), { mode: 0o600 })
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

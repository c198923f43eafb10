import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { freePort, projectFerretdbPath } from '../../server/src/db/localDatabase'

/**
 * A database server of the test's own (the shared test database must keep running), that the test
 * can stop and start again on the same port and data: FerretDB here, mongod where it exists.
 */
export async function ownDatabase() {
  const port = await freePort()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-db-'))
  const mongod = ['/usr/bin/mongod', '/usr/local/bin/mongod'].find((candidate) => existsSync(candidate))
  const binary = mongod ?? projectFerretdbPath
  const args = mongod
    ? ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1']
    : [
        '--handler=sqlite',
        `--sqlite-url=file:${dir}/`,
        `--state-dir=${dir}`,
        `--listen-addr=127.0.0.1:${port}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=error',
      ]
  let child: ChildProcess | null = null
  const listening = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
  return {
    uri: `mongodb://127.0.0.1:${port}/faults`,
    async start() {
      child = spawn(binary, args, { stdio: 'ignore' })
      const deadline = Date.now() + 30_000
      while (!(await listening())) {
        if (Date.now() > deadline) throw new Error('test database did not start')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    async stop() {
      if (!child || child.exitCode !== null) return
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    },
  }
}

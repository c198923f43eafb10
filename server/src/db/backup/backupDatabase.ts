import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { connectionFor, openEmbeddedCluster } from './embeddedCluster'

export interface BackupResult {
  file: string
  bytes: number
}

/**
 * Writes a backup of the embedded database: `pg_dump` of FerretDB's PostgreSQL database in
 * PostgreSQL's compressed custom format. It holds every collection — cases, events, visits, and
 * the photos, which are GridFS collections like any other — and is consistent: pg_dump reads
 * everything in one repeatable-read snapshot, so it may run while the server is writing (a running
 * cluster is used as it is, one that is not running is started for the dump and stopped after).
 * Written to a temporary name first, so a failed run never leaves a truncated backup behind.
 */
export async function backupDatabase(options: { dataDir: string; file: string }): Promise<BackupResult> {
  const cluster = await openEmbeddedCluster(options.dataDir, { reuse: true, create: false })
  const file = path.resolve(options.file)
  const partial = `${file}.partial`
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    const { dbname, env } = connectionFor(cluster.url)
    await run(
      path.join(cluster.binDir, 'pg_dump'),
      ['--format=custom', '--compress=6', '--no-owner', `--file=${partial}`, `--dbname=${dbname}`],
      env,
    )
    // Personal data: readable by the server's user only.
    chmodSync(partial, 0o600)
    renameSync(partial, file)
    return { file, bytes: statSync(file).size }
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  } finally {
    if (cluster.owned) await cluster.stop()
  }
}

/** Runs a PostgreSQL tool; its stderr becomes the error message (it names no data, only objects). */
export function run(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(binary)} failed (exit ${code}): ${stderr.trim()}`)),
    )
  })
}

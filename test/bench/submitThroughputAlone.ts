/**
 * `submitThroughput.ts` alone, on a fresh embedded database (PostgreSQL unless DB_BACKEND=sqlite):
 * `cd test && npx tsx bench/submitThroughputAlone.ts` prints the 1 / 50 / 200-client rows, Minqing
 * beside the bare baseline, with the throughput ratios and the load average (BENCH_SECONDS, 10).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { backendFromEnv, startLocalDatabase } from '../../server/src/db/localDatabase'
import { benchSubmit } from './submitThroughput'

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minqing-throughput-'))
chmodSync(dataDir, 0o711)
const database = await startLocalDatabase({ dataDir, backend: backendFromEnv() ?? 'postgresql' })
try {
  const loadBefore = os.loadavg().map((load) => Number(load.toFixed(2)))
  const results = await benchSubmit(database.uri, Number(process.env.BENCH_SECONDS ?? 10))
  const ratios = Object.fromEntries(
    Object.entries(results).map(([clients, row]) => [
      clients,
      Number((row.minqing.requestsPerSecond / row.baseline.requestsPerSecond).toFixed(3)),
    ]),
  )
  const loadAfter = os.loadavg().map((load) => Number(load.toFixed(2)))
  console.log(
    JSON.stringify({ backend: database.kind, results, throughputRatio: ratios, loadBefore, loadAfter }),
  )
} finally {
  await database.stop()
  rmSync(dataDir, { recursive: true, force: true })
}

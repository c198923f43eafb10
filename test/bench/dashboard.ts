import {
  addCounts,
  emptyCounts,
  nonZeroCounts,
  rollupContributions,
  type RollupCounts,
} from '@minqing/shared'
import { MongoClient, ObjectId } from 'mongodb'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { backendFromEnv, startLocalDatabase } from '../../server/src/db/localDatabase'
import { apiLogin, startServer } from '../support/server'
import { mulberry32 } from '../../server/src/dispatch/linearModel'

/**
 * The statistics dashboard (GET /stats/rates) with the data of 10k, 100k and 1M cases in the
 * year up to today. The dashboard reads only the daily rollups, so each size's rollups are
 * produced the way the live system produces them — every synthetic case's events through the
 * same pure `rollupContributions` — and inserted; the cases themselves are not inserted (the
 * endpoint never reads them). The server sums rollups in memory: `fullLoadMs` is the first
 * request of a server that finds no persisted month snapshot (it reads every row, then writes the
 * snapshot: stats/rollupSnapshots.ts), `coldLoadMs` the first request of a fresh server after
 * that — a restart, the issue-18 target (≤ 5 s at 1M) — and `monthMs`/`yearMs` what a dashboard
 * request then takes. Sizes: BENCH_DASHBOARD_SIZES=10000,100000 (default 10k, 100k, 1M).
 * Run alone: `cd test && npx tsx bench/dashboard.ts`.
 */
const dayMs = 86_400_000

/**
 * GET as JSON with no deadline: the load of a server without a snapshot at 1M cases may take
 * longer than fetch's fixed 300 s wait for response headers (it did, on a loaded machine).
 */
function slowGet(url: string, token: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { Authorization: `Bearer ${token}` } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`))
        else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      })
    })
    request.on('error', reject)
  })
}
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10)

export async function benchDashboard(
  mongoUri: string,
  sizes = (process.env.BENCH_DASHBOARD_SIZES ?? '10000,100000,1000000').split(',').map(Number),
) {
  const server = await startServer(mongoUri, { LOG_LEVEL: 'error' })
  const client = await new MongoClient(server.mongoUri).connect()
  const rollups = client.db().collection('case_rollups')
  const snapshots = client.db().collection('case_rollup_months')
  // The year up to three days ago (UTC midnight): every day a snapshot may cover, none ahead.
  const end = Math.floor(Date.now() / dayMs) * dayMs - 3 * dayMs
  const start = end - 364 * dayMs
  // China-time days: a day either side of the UTC span.
  const [yearFrom, yearTo] = [isoDay(start - dayMs), isoDay(end + dayMs)]
  const [monthFrom, monthTo] = [isoDay(start + 150 * dayMs), isoDay(start + 179 * dayMs)]
  const units = Array.from({ length: 40 }, () => new ObjectId().toHexString())
  const categories = Array.from({ length: 20 }, (_, i) => `category${i % 10}.sub${i}`)
  const results = []
  try {
    // Seeded: the same sequence every run.
    const random = mulberry32(42)
    for (const cases of sizes) {
      // Dropped, not emptied: FerretDB's deleteMany lists every id in one SQL statement and fails
      // ("too many SQL variables") past ~100k documents.
      await rollups.drop().catch(() => undefined)
      await snapshots.drop().catch(() => undefined)
      const rows = new Map<string, RollupCounts & { day: string; unitId: string; categoryCode: string }>()
      const add = (event: Parameters<typeof rollupContributions>[0]) => {
        for (const { day, unitId, categoryCode, counts } of rollupContributions(event)) {
          const key = `${day}|${unitId}|${categoryCode}`
          const row = rows.get(key) ?? { ...emptyCounts(), day, unitId, categoryCode }
          addCounts(row, counts)
          rows.set(key, row)
        }
      }
      for (let i = 0; i < cases; i++) {
        const at = new Date(start + Math.floor(random() * 364 * dayMs))
        const unitId = units[Math.floor(random() * units.length)]!
        const facts = {
          unitId,
          categoryCode: categories[Math.floor(random() * categories.length)]!,
          acceptBy: new Date(at.getTime() + 2 * 3600_000),
          answerBy: new Date(at.getTime() + 7 * 86_400_000),
          // So time-to-accept and time-to-resolve histograms fill as in real use.
          receivedAt: at,
          submittedAt: at,
        }
        add({
          action: 'dispatch',
          at,
          to: 'dispatched',
          data: { facts: { ...facts, unitId: null, newUnitId: unitId } },
        })
        add({
          action: 'accept',
          at: new Date(at.getTime() + (random() < 0.9 ? 3600_000 : 3 * 3600_000)),
          to: 'accepted',
          data: { facts },
        })
        const resolvedAt = new Date(at.getTime() + (random() < 0.85 ? 5 : 9) * 86_400_000)
        add({ action: 'resolve', at: resolvedAt, to: 'resolved', data: { facts } })
        if (random() < 0.8) {
          const roll = random()
          const rating = roll < 0.7 ? 'satisfied' : roll < 0.9 ? 'basically_satisfied' : 'unsatisfied'
          add({
            action: 'rate',
            at: new Date(resolvedAt.getTime() + 86_400_000),
            to: 'closed',
            data: { facts, rating },
          })
        }
      }
      // Stored as the server stores them: only the counters that moved.
      const docs = [...rows.entries()].map(([key, { day, unitId, categoryCode, ...counts }]) => ({
        _id: key as unknown as ObjectId,
        day,
        unitId,
        categoryCode,
        ...nonZeroCounts(counts),
      }))
      for (let start = 0; start < docs.length; start += 5000)
        await rollups.insertMany(docs.slice(start, start + 5000))
      const expectedReceived = docs.reduce((sum, row) => sum + (row.received ?? 0), 0)
      const rates = async (baseUrl: string, token: string, from: string, to: string) =>
        (await slowGet(`${baseUrl}/api/v1/stats/rates?from=${from}&to=${to}&groupBy=unit`, token)) as {
          rows: Array<{ counts: { received: number } }>
        }
      // The running server has no snapshot of these rows: it reads every one, then persists the
      // months (in the background; the bench waits until the snapshot's meta names this load).
      const writer = await startServer(server.mongoUri, { LOG_LEVEL: 'error' }, { sameDatabase: true })
      let fullLoadMs: number
      try {
        const writerToken = (await apiLogin(writer.baseUrl, '13800000001')).accessToken
        const insertedAt = new Date()
        const fullStarted = performance.now()
        await rates(writer.baseUrl, writerToken, yearFrom, yearTo)
        fullLoadMs = Math.round(performance.now() - fullStarted)
        const snapshotDeadline = Date.now() + 600_000
        for (;;) {
          const meta = await snapshots.findOne({ _id: 'meta' as unknown as ObjectId })
          if (meta && (meta.snapshotAt as Date) >= insertedAt) break
          if (Date.now() > snapshotDeadline) throw new Error('no rollup snapshot was written')
          await new Promise((resolve) => setTimeout(resolve, 200))
        }
      } finally {
        await writer.stop()
      }
      // A fresh server on the same database: its first request loads the rollups cold, and with
      // STATS_CACHE_MS at an hour no background reload runs while the requests are timed.
      const reader = await startServer(
        server.mongoUri,
        { LOG_LEVEL: 'error', STATS_CACHE_MS: '3600000' },
        { sameDatabase: true },
      )
      try {
        const readerToken = (await apiLogin(reader.baseUrl, '13800000001')).accessToken
        const loadStarted = performance.now()
        const whole = await rates(reader.baseUrl, readerToken, yearFrom, yearTo)
        const coldLoadMs = Math.round(performance.now() - loadStarted)
        const received = whole.rows.reduce((sum, row) => sum + row.counts.received, 0)
        if (received !== expectedReceived)
          throw new Error(`rates counted ${received}, expected ${expectedReceived}`)
        const time = async (from: string, to: string) => {
          const timings: number[] = []
          for (let run = 0; run < 3; run++) {
            const started = performance.now()
            await rates(reader.baseUrl, readerToken, from, to)
            timings.push(performance.now() - started)
          }
          timings.sort((a, b) => a - b)
          return Math.round(timings[1]!) // the median of three
        }
        results.push({
          cases,
          rollupRows: docs.length,
          fullLoadMs,
          coldLoadMs,
          monthMs: await time(monthFrom, monthTo),
          yearMs: await time(yearFrom, yearTo),
        })
      } finally {
        await reader.stop()
      }
      console.log('[bench] dashboard', results.at(-1))
    }
    return results
  } finally {
    await client.close()
    await server.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minqing-dashboard-'))
  chmodSync(dataDir, 0o711)
  const database = await startLocalDatabase({ dataDir, backend: backendFromEnv() ?? 'postgresql' })
  try {
    console.log(`[bench] dashboard on ${database.kind}`)
    console.table(await benchDashboard(database.uri))
  } finally {
    await database.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

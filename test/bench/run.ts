import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startLocalDatabase } from '../../server/src/db/localDatabase'
import { benchOfflineSync } from './offlineSync'
import { benchPackageSize } from './packageSize'
import { benchRouting } from './routingDecision'
import { benchSubmit } from './submitThroughput'
import { benchCaseReads } from './caseReadsAtScale'
import { benchDashboard } from './dashboard'
import { benchBackends } from './backends'
import { benchDispatchModel, dispatchTableRows } from './dispatchModel'
import { benchLighthouse } from './lighthouse'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)

/**
 * `npm run bench`: every benchmark side by side in one run on this machine, printed as a table
 * and written to bench/results/<time>.json (with `throughputRatio` and `weappMainPackageKB` at the
 * top level, so runs can be compared over time).
 */
async function main() {
  const database = process.env.MONGODB_URI
    ? { uri: process.env.MONGODB_URI, kind: 'external', stop: async () => undefined }
    : await startLocalDatabase({ dataDir: path.join(root, '.data/bench'), reuse: false })
  try {
    console.log(`[bench] database: ${database.kind}; ${os.cpus().length} CPUs; ${seconds} s per load run`)
    const packages = benchPackageSize(root)
    const routing = benchRouting()
    console.log('[bench] routing done')
    const dispatchModel = benchDispatchModel()
    console.log('[bench] dispatch model done')
    const submit = await benchSubmit(database.uri, seconds)
    console.log('[bench] submit done')
    const sync = await benchOfflineSync(database.uri)
    console.log('[bench] offline sync done')
    const dashboard = await benchDashboard(database.uri)
    console.log('[bench] dashboard done')
    const caseReads = await benchCaseReads(database.uri)
    console.log('[bench] case reads at scale done')
    // Both FerretDB backends in their own fresh databases, whatever MONGODB_URI says.
    const backends = await benchBackends()
    console.log('[bench] backends side by side done')
    const lighthouse = await benchLighthouse(database.uri)
    console.log('[bench] lighthouse done')
    const at200 = submit['200']!
    const at50 = submit['50']!
    const results = {
      at: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        node: process.version,
        database: database.kind,
      },
      throughputRatio: Number(
        (at200.minqing.requestsPerSecond / at200.baseline.requestsPerSecond).toFixed(3),
      ),
      throughputRatio50: Number(
        (at50.minqing.requestsPerSecond / at50.baseline.requestsPerSecond).toFixed(3),
      ),
      weappMainPackageKB: packages.weappMainPackageKB,
      submit,
      routing,
      offlineSync: sync,
      packages,
      dashboard,
      caseReads,
      backends,
      dispatchModel,
      lighthouse,
      dashboardGrowth: Number((dashboard.at(-1)!.monthMs / Math.max(1, dashboard[0]!.monthMs)).toFixed(2)),
    }
    const table = [
      ['measure', 'Minqing', 'baseline / target', 'ratio / verdict'],
      ...[1, 50, 200].map((connections) => {
        const row = submit[String(connections)]!
        return [
          `submit rps @${connections}`,
          String(row.minqing.requestsPerSecond),
          String(row.baseline.requestsPerSecond),
          (row.minqing.requestsPerSecond / row.baseline.requestsPerSecond).toFixed(2),
        ]
      }),
      ...[1, 50, 200].map((connections) => {
        const row = submit[String(connections)]!
        return [
          `submit p50/p99 ms @${connections}`,
          `${row.minqing.p50Ms}/${row.minqing.p99Ms} (${row.minqing.errors} timeouts/errors)`,
          `${row.baseline.p50Ms}/${row.baseline.p99Ms} (${row.baseline.errors})`,
          row.minqing.p99Ms < 50 && row.minqing.errors === 0 ? 'p99 < 50 ms' : 'p99 ≥ 50 ms or timeouts',
        ]
      }),
      [
        'routing ms/case (5k polygons, 1k rules)',
        `${routing.meanMs} (p99 ${routing.p99Ms})`,
        '≤ 1',
        routing.p99Ms <= 1 ? 'met' : 'missed',
      ],
      [
        `offline sync of 500 visits, lossy proxy (${sync.proxy.dropped} connections cut, ${sync.engineRuns} runs)`,
        `${sync.seconds} s, ${sync.duplicates} duplicates`,
        '≤ 10 s, 0',
        sync.seconds <= 10 && sync.duplicates === 0 ? 'met' : 'missed',
      ],
      [
        'weapp main package',
        `${packages.weappMainPackageKB} KB`,
        '≤ 1024 KB (limit 2048)',
        packages.weappMainPackageKB <= 1024 ? 'met' : 'missed',
      ],
      ['H5 first-load JS (gzip)', `${packages.h5FirstLoadJsGzipKB} KB`, '—', '—'],
      ...dashboard.map((row) => [
        `dashboard rates @${row.cases / 1000}k cases (${row.rollupRows} rollup rows)`,
        `month ${row.monthMs} ms, year ${row.yearMs} ms`,
        '≤ 300 ms at 1M, < 1.5× growth',
        row.monthMs <= 300 ? 'month met' : 'month missed',
      ]),
      ...dashboard.map((row) => [
        `dashboard cold start @${row.cases / 1000}k cases (restart, from the month snapshots)`,
        `${row.coldLoadMs} ms (reading every row: ${row.fullLoadMs} ms)`,
        '≤ 5 s at 1M',
        row.cases < 1_000_000 ? '— (target at 1M)' : row.coldLoadMs <= 5000 ? 'met' : 'missed',
      ]),
      ...caseReads.map((row) => [
        `case detail / inbox p95 ms @${row.cases / 1000}k cases (fresh server; ${row.inboxOpen} open in the inbox)`,
        `${row.detailP95Ms} / ${row.inboxP95Ms} (p50 ${row.detailP50Ms} / ${row.inboxP50Ms})`,
        'detail ≤ 30, inbox ≤ 100, growth < 1.5×',
        row.detailP95Ms <= 30 && row.inboxP95Ms <= 100 ? 'met' : 'missed',
      ]),
      ...backends.map((row) => [
        `FerretDB/${row.backend}: commands, Node CPU per submit (request path)`,
        `${row.commandsPerSubmit} commands, ${row.nodeCpuMsPerSubmit} ms CPU`,
        '≤ 3, ≤ 5 ms',
        row.commandsPerSubmit <= 3 && row.nodeCpuMsPerSubmit <= 5 ? 'met' : 'missed',
      ]),
      ...backends.map((row) => [
        `FerretDB/${row.backend}: background step per submit (notifications, first reply, repeat check, rollups)`,
        `${row.backgroundCommandsPerSubmit} commands, ${row.backgroundCpuMsPerSubmit} ms CPU`,
        '— (off the request path)',
        '—',
      ]),
      ...backends.map((row) => [
        `FerretDB/${row.backend}: submit throughputRatio 1/50 clients, p99 @50, failures @200`,
        `${row.throughputRatio1}/${row.throughputRatio50}, ${row.submitP99At50Ms} ms, ${row.failuresAt200}`,
        '≥ 0.3, < 300 ms, 0',
        row.throughputRatio1 >= 0.3 &&
        row.throughputRatio50 >= 0.3 &&
        row.submitP99At50Ms < 300 &&
        row.failuresAt200 === 0
          ? 'met'
          : 'missed',
      ]),
      ...backends.map((row) => [
        `FerretDB/${row.backend}: submit p50/p95, detail p95, inbox p95 ms (${row.casesAtEnd} cases)`,
        `${row.submitP50Ms}/${row.submitP95Ms}, ${row.detailP95Ms}, ${row.inboxP95Ms}`,
        'detail ≤ 30, inbox ≤ 100',
        row.detailP95Ms <= 30 && row.inboxP95Ms <= 100 ? 'met' : 'missed',
      ]),
      ...dispatchTableRows(dispatchModel),
      ...lighthouse.map((row) => [
        `lighthouse ${row.page} (mobile, median of ${row.runs.length})`,
        `perf ${row.performance}, a11y ${row.accessibility}, CLS ${row.cls} (load ${row.loadAverage.join(' → ')})`,
        'perf ≥ 90, a11y ≥ 95, CLS < 0.1',
        row.performance >= 90 && row.accessibility >= 95 && row.cls < 0.1 ? 'met' : 'missed',
      ]),
    ]
    const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)))
    for (const row of table) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '))
    const dir = path.join(root, 'bench/results')
    mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `${results.at.replace(/[:.]/g, '-')}.json`)
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
    console.log(`[bench] written ${path.relative(root, file)}`)
  } finally {
    await database.stop()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)

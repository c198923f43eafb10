/**
 * The same submit / detail / inbox bench on both FerretDB backends (PostgreSQL, the embedded
 * default, and the SQLite fallback), side by side in one run: rounds alternate between the two
 * servers so that the machine's load falls on both alike. Per submit it reports the database
 * commands the server sent (command monitoring, minqing_db_commands_total) and the server's Node
 * CPU (process.cpuUsage, as prom-client's minqing_process_cpu_seconds_total), both read from
 * /metrics before and after. Run alone: `cd test && npx tsx bench/backends.ts`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { startLocalDatabase, type LocalDatabase } from '../../server/src/db/localDatabase'
import { apiLogin, startServer, type RunningServer } from '../support/server'

const metricsToken = 'bench-metrics-token-0123456789'
/** Commands /metrics itself sends while it is scraped (one outbox count per waiting status). */
const commandsPerScrape = 3

type Backend = 'postgresql' | 'sqlite'

interface Target {
  backend: Backend
  dataDir: string
  database: LocalDatabase
  server: RunningServer
  resident: Record<string, string>
  handler: Record<string, string>
  caseIds: string[]
  submitMs: number[]
  detailMs: number[]
  inboxMs: number[]
  commands: number
  cpuSeconds: number
  submits: number
}

export interface BackendRow {
  backend: Backend
  submits: number
  submitP50Ms: number
  submitP95Ms: number
  commandsPerSubmit: number
  nodeCpuMsPerSubmit: number
  detailP95Ms: number
  inboxP95Ms: number
  casesAtEnd: number
}

let serial = 0
const submitBody = () =>
  JSON.stringify({
    clientId: `backends-${process.pid}-${++serial}`,
    kind: 'suggestion',
    categoryCode: 'culture.library',
    title: '书屋开放时间',
    description: '希望农家书屋周末也能开放借书。',
  })

async function timed(call: () => Promise<Response>): Promise<{ ms: number; response: Response }> {
  const started = performance.now()
  const response = await call()
  const ms = performance.now() - started
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`)
  return { ms, response }
}

async function scrape(target: Target): Promise<{ commands: number; cpuSeconds: number }> {
  const text = await (
    await fetch(`${target.server.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } })
  ).text()
  const sum = (prefix: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(prefix))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0)
  return {
    commands: sum('minqing_db_commands_total{'),
    cpuSeconds: sum('minqing_process_cpu_seconds_total '),
  }
}

async function submitRound(target: Target, count: number, measure: boolean): Promise<void> {
  const before = await scrape(target)
  for (let i = 0; i < count; i++) {
    const { ms, response } = await timed(() =>
      fetch(`${target.server.baseUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.resident },
        body: submitBody(),
      }),
    )
    target.caseIds.push(((await response.json()) as { id: string }).id)
    if (measure) target.submitMs.push(ms)
  }
  const after = await scrape(target)
  if (!measure) return
  target.commands += after.commands - before.commands - commandsPerScrape
  target.cpuSeconds += after.cpuSeconds - before.cpuSeconds
  target.submits += count
}

async function readRound(target: Target, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = target.caseIds[(i * 7919) % target.caseIds.length]!
    target.detailMs.push(
      (await timed(() => fetch(`${target.server.baseUrl}/api/v1/cases/${id}`, { headers: target.resident })))
        .ms,
    )
    target.inboxMs.push(
      (
        await timed(() =>
          fetch(`${target.server.baseUrl}/api/v1/cases?scope=inbox&pageSize=20`, { headers: target.handler }),
        )
      ).ms,
    )
  }
}

async function open(backend: Backend): Promise<Target> {
  // A fresh directory each run; PostgreSQL's system user must be able to pass through its parent.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `minqing-bench-${backend}-`))
  chmodSync(dataDir, 0o711)
  const database = await startLocalDatabase({ dataDir, backend })
  const server = await startServer(database.uri, {
    CASE_SUBMIT_PER_USER_HOUR: '100000000',
    CASE_SUBMIT_PER_IP_HOUR: '100000000',
    LOG_LEVEL: 'error',
    METRICS_TOKEN: metricsToken,
    ...(database.postgresUrl ? { FERRETDB_POSTGRESQL_URL: database.postgresUrl } : {}),
  })
  const bearer = async (phone: string) => ({
    Authorization: `Bearer ${(await apiLogin(server.baseUrl, phone)).accessToken}`,
  })
  return {
    backend,
    dataDir,
    database,
    server,
    resident: await bearer('13800000005'),
    handler: await bearer('13800000003'),
    caseIds: [],
    submitMs: [],
    detailMs: [],
    inboxMs: [],
    commands: 0,
    cpuSeconds: 0,
    submits: 0,
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return Number((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1))
}

/** rounds × perRound submits on each backend, each round followed by detail and inbox reads. */
export async function benchBackends(rounds = 4, perRound = 25): Promise<BackendRow[]> {
  const targets: Target[] = []
  try {
    for (const backend of ['postgresql', 'sqlite'] as const) targets.push(await open(backend))
    for (const target of targets) await submitRound(target, 10, false) // warm-up: JIT, pools, plans
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) {
        await submitRound(target, perRound, true)
        await readRound(target, perRound)
      }
    }
    return targets.map((target) => ({
      backend: target.backend,
      submits: target.submits,
      submitP50Ms: percentile(target.submitMs, 50),
      submitP95Ms: percentile(target.submitMs, 95),
      commandsPerSubmit: Number((target.commands / target.submits).toFixed(2)),
      nodeCpuMsPerSubmit: Number(((target.cpuSeconds * 1000) / target.submits).toFixed(2)),
      detailP95Ms: percentile(target.detailMs, 95),
      inboxP95Ms: percentile(target.inboxMs, 95),
      casesAtEnd: target.caseIds.length,
    }))
  } finally {
    for (const target of targets) {
      await target.server.stop()
      await target.database.stop()
      rmSync(target.dataDir, { recursive: true, force: true })
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchBackends(Number(process.env.BENCH_ROUNDS ?? 4))
  console.table(rows)
  console.log(JSON.stringify(rows))
}

/**
 * The same submit / detail / inbox bench on both FerretDB backends (PostgreSQL, the embedded
 * default, and the SQLite fallback), side by side in one run: rounds alternate between the two
 * servers so that the machine's load falls on both alike. Per submit it reports the database
 * commands the server sent (command monitoring, minqing_db_commands_total) and the server's Node
 * CPU (process.cpuUsage, as prom-client's minqing_process_cpu_seconds_total), both read from
 * /metrics before and after, the request path apart from the background step the submissions
 * leave (minqing_db_background_commands_total, minqing_background_cpu_seconds_total). Run alone: `cd test && npx tsx bench/backends.ts`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort, startLocalDatabase, type LocalDatabase } from '../../server/src/db/localDatabase'
import { apiLogin, startServer, type RunningServer } from '../support/server'
import { load } from './submitThroughput'

const here = path.dirname(fileURLToPath(import.meta.url))

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
  backgroundCommands: number
  backgroundCpuSeconds: number
  submits: number
  baseline: { process: ChildProcess; url: string }
}

export interface BackendRow {
  backend: Backend
  submits: number
  submitP50Ms: number
  submitP95Ms: number
  /** The request path: what the server did for the submissions minus its background step. */
  commandsPerSubmit: number
  nodeCpuMsPerSubmit: number
  /** The background step the submissions left (notifications, first reply, repeat check, rollups). */
  backgroundCommandsPerSubmit: number
  backgroundCpuMsPerSubmit: number
  detailP95Ms: number
  inboxP95Ms: number
  casesAtEnd: number
  /** Minqing's submit req/s over the bare baseline's on the same database, at 1 and 50 clients. */
  throughputRatio1: number
  throughputRatio50: number
  submitP99At50Ms: number
  /** Timeouts and errors of the 200-client run (non-2xx answers counted too). */
  failuresAt200: number
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

type Scrape = {
  commands: number
  cpuSeconds: number
  backgroundCommands: number
  backgroundCpuSeconds: number
}

async function scrape(target: Target): Promise<Scrape> {
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
    backgroundCommands: sum('minqing_db_background_commands_total '),
    backgroundCpuSeconds: sum('minqing_background_cpu_seconds_total '),
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
  // What these submissions lead to (notifications, first reply, repeat check, rollups) is the
  // server's background step, EVENT_PROJECTION_GATHER_MS after the round's first submission:
  // waited for until its command count stops moving, and counted on its own account.
  let after = await scrape(target)
  let scrapes = 1
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const next = await scrape(target)
    scrapes++
    const settled =
      next.backgroundCommands > before.backgroundCommands &&
      next.backgroundCommands === after.backgroundCommands
    after = next
    if (settled) break
  }
  if (!measure) return
  const background = after.backgroundCommands - before.backgroundCommands
  const backgroundCpu = after.backgroundCpuSeconds - before.backgroundCpuSeconds
  target.commands += after.commands - before.commands - commandsPerScrape * scrapes - background
  target.cpuSeconds += after.cpuSeconds - before.cpuSeconds - backgroundCpu
  target.backgroundCommands += background
  target.backgroundCpuSeconds += backgroundCpu
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
    // Long enough for a round's submissions to finish before their background step starts.
    EVENT_PROJECTION_GATHER_MS: '4000',
    ...(database.postgresUrl ? { FERRETDB_POSTGRESQL_URL: database.postgresUrl } : {}),
  })
  const port = await freePort()
  const baselineUri = new URL(server.mongoUri)
  baselineUri.pathname = baselineUri.pathname.replace(/\/e2e_/, '/baseline_')
  const baseline = fork(path.join(here, 'baselineServer.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: String(port), MONGODB_URI: baselineUri.toString() },
    stdio: 'inherit',
  })
  await new Promise((resolve) => baseline.once('message', resolve))
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
    backgroundCommands: 0,
    backgroundCpuSeconds: 0,
    submits: 0,
    baseline: { process: baseline, url: `http://127.0.0.1:${port}/` },
  }
}

/** Submissions under load beside the bare baseline: ratios at 1 and 50 clients, p99 at 50, failures at 200. */
async function loadRuns(target: Target, seconds: number) {
  const url = `${target.server.baseUrl}/api/v1/cases`
  const runs: Record<
    number,
    { minqing: Awaited<ReturnType<typeof load>>; baseline: Awaited<ReturnType<typeof load>> }
  > = {}
  for (const connections of [1, 50, 200]) {
    runs[connections] = {
      minqing: await load(url, target.resident, connections, seconds),
      baseline: await load(target.baseline.url, {}, connections, seconds),
    }
  }
  const ratio = (connections: number) =>
    Number(
      (
        runs[connections]!.minqing.requestsPerSecond /
        Math.max(1, runs[connections]!.baseline.requestsPerSecond)
      ).toFixed(2),
    )
  return {
    throughputRatio1: ratio(1),
    throughputRatio50: ratio(50),
    submitP99At50Ms: runs[50]!.minqing.p99Ms,
    failuresAt200: runs[200]!.minqing.errors + runs[200]!.minqing.non2xx,
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return Number((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(1))
}

/** rounds × perRound submits on each backend, each round followed by detail and inbox reads. */
export async function benchBackends(
  rounds = 4,
  perRound = 25,
  loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10),
): Promise<BackendRow[]> {
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
    // Under load last, one backend after the other (each has the machine to itself then).
    const loads: Array<Awaited<ReturnType<typeof loadRuns>>> = []
    for (const target of targets) loads.push(await loadRuns(target, loadSeconds))
    return targets.map((target, index) => ({
      backend: target.backend,
      submits: target.submits,
      submitP50Ms: percentile(target.submitMs, 50),
      submitP95Ms: percentile(target.submitMs, 95),
      commandsPerSubmit: Number((target.commands / target.submits).toFixed(2)),
      nodeCpuMsPerSubmit: Number(((target.cpuSeconds * 1000) / target.submits).toFixed(2)),
      backgroundCommandsPerSubmit: Number((target.backgroundCommands / target.submits).toFixed(2)),
      backgroundCpuMsPerSubmit: Number(((target.backgroundCpuSeconds * 1000) / target.submits).toFixed(2)),
      detailP95Ms: percentile(target.detailMs, 95),
      inboxP95Ms: percentile(target.inboxMs, 95),
      casesAtEnd: target.caseIds.length,
      ...loads[index]!,
    }))
  } finally {
    for (const target of targets) {
      target.baseline.process.kill('SIGTERM')
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

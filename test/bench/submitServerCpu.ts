/**
 * The server's own Node CPU per submission, measured in the SERVER process alone: the real server
 * (`server/src/main.ts`) as a child process on a fresh FerretDB (PostgreSQL unless
 * DB_BACKEND=sqlite), N submissions one after the other from a keep-alive client (fetch/undici
 * reuses its connection), and the server's CPU read from /metrics before and after
 * (minqing_process_cpu_seconds_total), the background step apart
 * (minqing_background_cpu_seconds_total). Unlike submitBreakdown.ts, the client's own CPU,
 * socket writes and connection set-up are not counted.
 *
 * Profile the server: `SERVER_PROFILE=/tmp/server.cpuprofile npx tsx bench/submitServerCpu.ts`
 * (from test/) profiles the child during the measured submissions only (cpuProfileOnSignal.mjs).
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { backendFromEnv, startLocalDatabase } from '../../server/src/db/localDatabase'
import { apiLogin, startServer, type RunningServer } from '../support/server'

const here = path.dirname(fileURLToPath(import.meta.url))
const metricsToken = 'bench-metrics-token-0123456789'
/** Commands /metrics itself sends while it is scraped (one outbox count per waiting status), as in backends.ts. */
const commandsPerScrape = 3

/** The server child's pid (RunningServer does not expose it): our child running main.ts. */
function serverPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (parent === process.pid && command.includes('server/src/main.ts')) return Number(entry)
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error('server process not found')
}

export interface ServerCpuResult {
  backend: string
  submits: number
  /** Request path: the server's CPU for the submissions minus its background step's. */
  requestCpuMsPerSubmit: number
  requestCommandsPerSubmit: number
  backgroundCpuMsPerSubmit: number
  loadAverage: number[]
}

/**
 * `rounds` × `perRound` submissions; each round's background step starts `gatherMs` after its
 * first submission, so it runs after the round (checked) and its CPU is counted on its own.
 */
export async function benchServerCpu(
  rounds: number,
  perRound: number,
  gatherMs: number,
): Promise<ServerCpuResult> {
  const submits = rounds * perRound
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minqing-servercpu-'))
  chmodSync(dataDir, 0o711)
  const database = await startLocalDatabase({ dataDir, backend: backendFromEnv() ?? 'postgresql' })
  const profileFile = process.env.SERVER_PROFILE
  /** SERVER_PROFILE_PART=background: profile the background step instead of the submissions. */
  const profileBackground = process.env.SERVER_PROFILE_PART === 'background'
  const env = {
    CASE_SUBMIT_PER_USER_HOUR: '100000000',
    CASE_SUBMIT_PER_IP_HOUR: '100000000',
    LOG_LEVEL: 'error',
    METRICS_TOKEN: metricsToken,
    EVENT_PROJECTION_GATHER_MS: String(gatherMs),
    ...(database.postgresUrl ? { FERRETDB_POSTGRESQL_URL: database.postgresUrl } : {}),
    ...(profileFile
      ? {
          NODE_OPTIONS: `--import ${path.join(here, 'cpuProfileOnSignal.mjs')}`,
          CPU_PROFILE_FILE: profileFile,
        }
      : {}),
  }
  // On this shared machine a start-up can miss startServer's 60 s at load 15+: try again.
  const start = async (attempt: number): Promise<RunningServer> =>
    startServer(database.uri, env).catch((error: unknown) => {
      if (attempt >= 3) throw error
      console.warn(`[bench] server start ${attempt} failed; again`)
      return start(attempt + 1)
    })
  const server = await start(1)
  try {
    const scrape = async () => {
      const text = await (
        await fetch(`${server.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } })
      ).text()
      const value = (prefix: string) =>
        text
          .split('\n')
          .filter((line) => line.startsWith(prefix))
          .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0)
      return {
        cpu: value('minqing_process_cpu_seconds_total '),
        background: value('minqing_background_cpu_seconds_total '),
        /** Moves as soon as a background step sends a command, while its CPU is added at its end. */
        backgroundCommands: value('minqing_db_background_commands_total '),
        commands: value('minqing_db_commands_total{'),
      }
    }
    const login = await apiLogin(server.baseUrl, '13800000005')
    const headers = { 'content-type': 'application/json', Authorization: `Bearer ${login.accessToken}` }
    /** Waits until the background step the submissions left has run (and no further run follows). */
    const settle = async (from: Awaited<ReturnType<typeof scrape>>) => {
      let last = from
      for (let still = 0; still < 2;) {
        await new Promise((resolve) => setTimeout(resolve, 1_000))
        const next = await scrape()
        // Each run of the background step adds to its CPU counter when it ends.
        const moved =
          next.background !== last.background || next.backgroundCommands !== last.backgroundCommands
        still = moved || next.background === from.background ? 0 : still + 1
        last = next
      }
      return last
    }
    let serial = 0
    const submit = async () => {
      const response = await fetch(`${server.baseUrl}/api/v1/cases`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          clientId: `servercpu-${process.pid}-${++serial}`,
          kind: 'suggestion',
          categoryCode: 'culture.library',
          title: '书屋开放时间',
          description: '希望农家书屋周末也能开放借书。',
        }),
      })
      if (response.status !== 201) throw new Error(`submit: ${response.status} ${await response.text()}`)
      await response.arrayBuffer()
    }
    for (let i = 0; i < 30; i++) await submit() // warm-up: JIT, pools, caches
    await settle(await scrape())
    const pid = profileFile ? serverPid() : undefined
    let requestCpu = 0
    let backgroundCpu = 0
    let requestCommands = 0
    let discarded = 0
    for (let done = 0; done < submits; done += perRound) {
      const before = await scrape()
      if (pid && !profileBackground) process.kill(pid, 'SIGUSR2')
      for (let i = 0; i < perRound; i++) await submit()
      if (pid) process.kill(pid, 'SIGUSR2')
      const submitted = await scrape()
      // The background step must not have started yet: its CPU would be mixed with the requests'.
      // A step still running at the scrape has added no CPU yet, but its commands show it.
      if (
        submitted.background !== before.background ||
        submitted.backgroundCommands !== before.backgroundCommands
      ) {
        // The scheduled run, or a round slower than the gathering time: this round is not counted.
        if (++discarded > 3)
          throw new Error(
            'the background step keeps running during the submissions: make BENCH_GATHER_MS longer',
          )
        console.warn('[bench] the background step ran during the submissions; round repeated')
        await settle(submitted)
        done -= perRound
        continue
      }
      requestCpu += submitted.cpu - before.cpu
      requestCommands += submitted.commands - before.commands - commandsPerScrape
      const after = await settle(submitted)
      if (pid && profileBackground) process.kill(pid, 'SIGUSR2')
      backgroundCpu += after.cpu - submitted.cpu
    }
    if (pid)
      while (!server.output().includes('[profile] written')) await new Promise((r) => setTimeout(r, 100))
    const perSubmit = (seconds: number) => Number(((seconds * 1000) / submits).toFixed(2))
    return {
      backend: database.kind,
      submits,
      requestCpuMsPerSubmit: perSubmit(requestCpu),
      requestCommandsPerSubmit: Number((requestCommands / submits).toFixed(2)),
      backgroundCpuMsPerSubmit: perSubmit(backgroundCpu),
      loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    }
  } finally {
    await server.stop()
    await database.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
  console.log(
    JSON.stringify(
      await benchServerCpu(env('BENCH_ROUNDS', 6), env('BENCH_PER_ROUND', 50), env('BENCH_GATHER_MS', 8000)),
    ),
  )
}

// `THREAD_TIME_DIRS=/tmp/a,/tmp/b THREAD_TIME_ROUTE=pages/login/index npx tsx bench/threadTime.ts`
// A profiling aid for A/B comparisons of H5 builds on this shared, loaded machine (not in
// `npm run bench`). Lighthouse's Total Blocking Time is wall time: when other work shares the two
// cores, every task is longer and the score moves by more than a change does. This tool traces
// cold loads (service worker installed, HTTP cache cleared, as in bench/lighthouse.ts) and reads
// each main-thread task's THREAD time (CPU the renderer actually spent on it), which waiting for
// a core does not inflate. It prints, per build, the median over runs of:
// - cpuMs: main-thread CPU from navigation to the end of the trace window;
// - tbtProxyMs: Lighthouse's TBT formula on those tasks, each task's thread time times 4 (its
//   mobile CPU slowdown) minus 50 ms, summed over tasks after the first contentful paint;
// - longTasks: the count of tasks whose thread time times 4 exceeds 50 ms.
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startLocalDatabase } from '../../server/src/db/localDatabase'
import { startServer, type RunningServer } from '../support/server'
import { logInWithServiceWorker } from './demoLogin'

const route = process.env.THREAD_TIME_ROUTE ?? 'pages/login/index'
const phone = process.env.THREAD_TIME_PHONE
const runs = Number(process.env.THREAD_TIME_RUNS ?? 5)
const dirs = (process.env.THREAD_TIME_DIRS ?? '').split(',').filter(Boolean)
const slowdown = 4

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  tdur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { frame?: string } }
}

export interface ThreadTimeRun {
  cpuMs: number
  tbtProxyMs: number
  longTasks: number
}

/** Reads one trace: the page renderer's main thread, its top-level tasks after FCP. */
export function summarizeTrace(events: TraceEvent[]): ThreadTimeRun {
  const mainThreads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const fcp = events.find((e) => e.name === 'firstContentfulPaint')
  // The renderer that painted: other renderers (about:blank, the service worker's) are left out.
  const main = mainThreads.find((t) => !fcp || t.pid === fcp.pid) ?? mainThreads[0]
  if (!main) throw new Error('no renderer main thread in the trace')
  const navigation = events.find((e) => e.name === 'navigationStart' && e.pid === main.pid)
  const start = navigation?.ts ?? 0
  const tasks = events.filter(
    (e) =>
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.ph === 'X' &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      e.ts >= start,
  )
  let cpuMs = 0
  let tbtProxyMs = 0
  let longTasks = 0
  for (const task of tasks) {
    const ms = (task.tdur ?? task.dur ?? 0) / 1000
    cpuMs += ms
    if (ms * slowdown <= 50) continue
    longTasks++
    if (process.env.THREAD_TIME_DUMP)
      console.log(
        `task at ${Math.round((task.ts - start) / 1000)} ms: thread ${ms.toFixed(1)} ms, wall ${((task.dur ?? 0) / 1000).toFixed(1)} ms${fcp && task.ts < fcp.ts ? ' (before FCP)' : ''}`,
      )
    if (!fcp || task.ts >= fcp.ts) tbtProxyMs += ms * slowdown - 50
  }
  return { cpuMs: Math.round(cpuMs), tbtProxyMs: Math.round(tbtProxyMs), longTasks }
}

async function traceOnce(browser: Browser, page: Page, url: string): Promise<ThreadTimeRun> {
  const cdp = await page.context().newCDPSession(page)
  await page.goto('about:blank')
  await cdp.send('Network.clearBrowserCache')
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'toplevel',
      'loading',
      'blink.user_timing',
    ],
  })
  await page.goto(url, { waitUntil: 'load' })
  // Until the page has gone quiet: the app is done starting when nothing runs for a while.
  await page.waitForTimeout(Number(process.env.THREAD_TIME_WAIT ?? 4000))
  const buffer = await browser.stopTracing()
  await cdp.detach()
  const parsed = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }
  return summarizeTrace(parsed.traceEvents)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

const database = await startLocalDatabase({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'minqing-tt-')) })
const servers: RunningServer[] = []
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
})
try {
  const builds = dirs.length > 0 ? dirs : [undefined]
  const pages: Page[] = []
  for (const dir of builds) {
    const server = await startServer(database.uri, dir ? { H5_DIR: dir } : {})
    servers.push(server)
    // One context per build: its own storage and service worker, as a phone would have.
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 },
      serviceWorkers: 'allow',
    })
    const page = await context.newPage()
    await logInWithServiceWorker(page, server.baseUrl, phone)
    pages.push(page)
  }
  const results: ThreadTimeRun[][] = builds.map(() => [])
  // Interleaved, so that both builds see the same machine.
  for (let run = 0; run < runs; run++)
    for (const [index, page] of pages.entries())
      results[index]!.push(await traceOnce(browser, page, `${servers[index]!.baseUrl}/#/${route}`))
  for (const [index, build] of builds.entries()) {
    const own = results[index]!
    console.log(
      JSON.stringify({
        build: build ?? 'miniapp/dist/h5',
        route,
        cpuMs: median(own.map((r) => r.cpuMs)),
        tbtProxyMs: median(own.map((r) => r.tbtProxyMs)),
        longTasks: median(own.map((r) => r.longTasks)),
        runs: own,
        loadAverage: os.loadavg()[0]!.toFixed(2),
      }),
    )
  }
} finally {
  await browser.close()
  for (const server of servers) await server.stop()
  await database.stop()
}

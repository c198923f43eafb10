import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Result } from 'lighthouse'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { startLocalDatabase } from '../../server/src/db/localDatabase'
import { startServer, type RunningServer } from '../support/server'

/** One page's Lighthouse figures: the median of `runs` runs (by performance score). */
export interface LighthouseRow {
  page: string
  /** The H5 folder measured, when builds are compared (`LIGHTHOUSE_H5_DIRS`). */
  build?: string
  performance: number
  accessibility: number
  cls: number
  lcpMs: number
  /** Total Blocking Time (long main-thread tasks, 30 % of the score) of the median run. */
  tbtMs: number
  runs: number[]
  /** The machine's 1-minute load average before and after this page's runs: CPU-bound scores
   *  (TBT, LCP under 4× CPU throttling) fall as other work shares the cores, so each row says it. */
  loadAverage: [number, number]
  /** Accessibility audits that failed in any run (ids), so a score below 100 says why. */
  accessibilityFailures: string[]
}

interface Target {
  page: string
  /** Demo account to be logged in as; null for the login page itself (logged out). */
  phone: string | null
  /** Hash route, or a function that finds it in the logged-in browser (e.g. a case's detail). */
  route: string | ((page: Page, baseUrl: string) => Promise<string>)
}

const allTargets: Target[] = [
  { page: 'login', phone: null, route: 'pages/login/index' },
  { page: 'resident home', phone: '13800000005', route: 'pages/home/index' },
  { page: 'submit', phone: '13800000005', route: 'pages/cases/submit/index' },
  {
    page: 'case detail',
    phone: '13800000005',
    route: async (page, baseUrl) => {
      await page.goto(`${baseUrl}/#/pages/cases/list/index?scope=all`)
      await page.locator('.case-card:visible').first().click()
      await page.waitForURL(/pages\/cases\/detail/)
      return page.url().split('#/')[1]!
    },
  },
  { page: 'visit form', phone: '13800000004', route: 'pages/visits/new/index' },
  { page: 'admin dashboard', phone: '13800000001', route: 'pages/admin/dashboard/index' },
]

const targets = process.env.LIGHTHOUSE_PAGES
  ? allTargets.filter((t) => process.env.LIGHTHOUSE_PAGES!.split(',').includes(t.page))
  : allTargets

/** `LIGHTHOUSE_DUMP=1`: the metrics and where the main thread's time went, to find what to fix. */
function dumpDiagnostics(lhr: Result) {
  type Items = { items?: Array<Record<string, unknown>> } | undefined
  const items = (id: string) => (lhr.audits[id]?.details as Items)?.items ?? []
  const metrics = [
    'first-contentful-paint',
    'speed-index',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'interactive',
    'bootup-time',
    'mainthread-work-breakdown',
    'unused-javascript',
    'render-blocking-resources',
    'total-byte-weight',
  ]
  console.log(JSON.stringify(metrics.map((id) => [id, lhr.audits[id]?.numericValue, lhr.audits[id]?.score])))
  console.log(JSON.stringify(items('bootup-time').slice(0, 6)))
  // The tasks TBT counts (each one's part above 50 ms), in order: which script each one ran.
  console.log(
    JSON.stringify(
      items('long-tasks').map((task) => [
        String(task.url).split('/').pop(),
        Math.round(Number(task.startTime)),
        Math.round(Number(task.duration)),
      ]),
    ),
  )
  const requests = items('network-requests')
  console.log(
    JSON.stringify(
      requests.map((item) => [String(item.url).slice(-50), item.transferSize, item.resourceType]),
    ),
  )
  // What moved (CLS): the shifted elements and by how much.
  console.log(
    JSON.stringify(
      items('layout-shifts').map((shift) => [
        (shift.node as { snippet?: string } | undefined)?.snippet?.slice(0, 120),
        shift.score,
      ]),
    ),
  )
  const lcp = items('largest-contentful-paint-element')[0] as Items
  console.log(JSON.stringify((lcp?.items?.[0]?.node as { snippet?: string } | undefined)?.snippet))
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function logIn(page: Page, baseUrl: string, phone: string | null) {
  await page.goto(baseUrl)
  await page.evaluate(() => localStorage.clear())
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await page.reload()
  if (!phone) return
  await page.locator('input:visible').first().waitFor()
  await page.locator('input:visible').nth(0).fill(phone)
  await page.locator('input[type="password"]:visible').fill('minqing-demo')
  await page.locator('.nut-button', { hasText: /^登录$/ }).click()
  await page.waitForURL(/pages\/home/)
}

interface Measured {
  performance: number
  accessibility: number
  cls: number
  lcpMs: number
  tbtMs: number
}

/** One build under test: the server serving it, and who is logged in on its origin. */
interface Variant {
  build: string | undefined
  server: RunningServer
  loggedInAs: string | null | undefined
}

/**
 * Lighthouse (from npm, unmodified mobile emulation and throttling) in Debian's Chromium against
 * the real server with demo data, on the six pages of issue #13, median of `runs` each. Logging
 * in needs the browser's storage, so Lighthouse is told not to reset it; the HTTP cache is
 * cleared before every run instead, so each run is a cold load as a first visit would be.
 *
 * `builds` (H5 folders, `LIGHTHOUSE_H5_DIRS=/tmp/a,/tmp/b`): one server per build, and each page's
 * runs alternate between them, so that a before/after comparison on a shared, loaded machine
 * sees the same load on both sides; each row then names its build.
 */
export async function benchLighthouse(
  mongoUri: string,
  runs = 3,
  builds: Array<string | undefined> = [undefined],
): Promise<LighthouseRow[]> {
  const variants: Variant[] = []
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=zh-CN'],
  })
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)
  try {
    for (const build of builds) {
      const server = await startServer(mongoUri, build ? { H5_DIR: build } : {})
      variants.push({ build, server, loggedInAs: undefined })
    }
    const page = browser.contexts()[0]!.pages()[0] ?? (await browser.contexts()[0]!.newPage())
    const cdp = await page.context().newCDPSession(page)
    const rows: LighthouseRow[] = []
    for (const target of targets) {
      const routes: string[] = []
      for (const variant of variants) {
        const { baseUrl } = variant.server
        if (target.phone !== variant.loggedInAs) {
          await logIn(page, baseUrl, target.phone)
          variant.loggedInAs = target.phone
        }
        routes.push(typeof target.route === 'string' ? target.route : await target.route(page, baseUrl))
      }
      const loadBefore = Number(os.loadavg()[0]!.toFixed(2))
      const failures = variants.map(() => new Set<string>())
      const results: Measured[][] = variants.map(() => [])
      // A run whose trace Lighthouse could not record (NO_NAVSTART and the like, seen on this loaded
      // machine) scores 0: it is retried, up to twice as many attempts as runs, not averaged in.
      for (let attempt = 0; attempt < runs * 2; attempt++) {
        if (results.every((done) => done.length >= runs)) break
        for (const [index, variant] of variants.entries()) {
          if (results[index]!.length >= runs) continue
          await cdp.send('Network.clearBrowserCache')
          // From a blank page, so that a hash route is a real page load and not an in-app jump.
          await page.goto('about:blank')
          const answer = await lighthouse(`${variant.server.baseUrl}/#/${routes[index]}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            disableStorageReset: true,
          })
          const lhr = answer!.lhr
          if (process.env.LIGHTHOUSE_DUMP) dumpDiagnostics(lhr)
          const why = lhr.runtimeError?.message ?? lhr.audits['largest-contentful-paint']?.errorMessage
          if (why) {
            console.warn(`[bench] lighthouse ${target.page}: attempt ${attempt + 1} not measured: ${why}`)
            continue
          }
          for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
            const score = lhr.audits[ref.id]?.score
            if (ref.weight > 0 && score !== null && score !== undefined && score < 1)
              failures[index]!.add(ref.id)
          }
          results[index]!.push({
            performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
            accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
            cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
            lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
            tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
          })
        }
      }
      for (const [index, variant] of variants.entries()) {
        const measured = results[index]!
        if (measured.length === 0) throw new Error(`lighthouse could not measure ${target.page}`)
        const byPerformance = [...measured].sort((a, b) => a.performance - b.performance)
        const middle = byPerformance[Math.floor(measured.length / 2)]!
        rows.push({
          page: target.page,
          ...(variant.build ? { build: variant.build } : {}),
          performance: middle.performance,
          accessibility: median(measured.map((result) => result.accessibility)),
          cls: middle.cls,
          lcpMs: middle.lcpMs,
          tbtMs: middle.tbtMs,
          runs: measured.map((result) => result.performance),
          loadAverage: [loadBefore, Number(os.loadavg()[0]!.toFixed(2))],
          accessibilityFailures: [...failures[index]!].sort(),
        })
        console.log(`[bench] lighthouse ${target.page}: ${JSON.stringify(rows.at(-1))}`)
      }
    }
    return rows
  } finally {
    await browser.close().catch(() => undefined)
    chrome.kill()
    for (const variant of variants) await variant.server.stop()
  }
}

// `npx tsx bench/lighthouse.ts`: this module alone, on its own database (the full bench takes long).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A temporary folder, as the test setup uses: the database's own user must be able to read it.
  const database = await startLocalDatabase({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'minqing-lh-')) })
  try {
    const builds = process.env.LIGHTHOUSE_H5_DIRS?.split(',')
    console.table(await benchLighthouse(database.uri, Number(process.env.LIGHTHOUSE_RUNS ?? 3), builds))
  } finally {
    await database.stop()
  }
}

// `PROFILE_ROUTE=pages/visits/new/index PROFILE_PHONE=13800000004 npx tsx bench/profileStartup.ts`, then
// inspect /tmp/lhprof/profile.cpuprofile (Chromium DevTools > Performance > load profile).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { startLocalDatabase } from '../../server/src/db/localDatabase'
import { startServer } from '../support/server'
import { logInWithServiceWorker } from './demoLogin'

// Profiling aid (not part of the bench): a cold load of one route under 4x CPU throttling,
// CPU self time summed per script position, so startup work can be attributed.
const route = process.env.PROFILE_ROUTE ?? 'pages/login/index'
const database = await startLocalDatabase({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'minqing-prof-')) })
const server = await startServer(database.uri)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
})
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'allow' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  // As in the bench: the service worker installed (it serves the scripts, with V8's code cache),
  // the HTTP cache cleared, a load from a blank page.
  await logInWithServiceWorker(page, server.baseUrl, process.env.PROFILE_PHONE)
  await page.reload()
  await page.waitForTimeout(2000)
  await page.goto('about:blank')
  await cdp.send('Network.clearBrowserCache')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const t0 = Date.now()
  await page.goto(`${server.baseUrl}/#/${route}`, { waitUntil: 'load' })
  await page.waitForTimeout(Number(process.env.PROFILE_WAIT ?? 4000))
  const { profile } = await cdp.send('Profiler.stop')
  console.log('wall', Date.now() - t0, 'load', os.loadavg()[0])
  mkdirSync('/tmp/lhprof', { recursive: true })
  writeFileSync('/tmp/lhprof/profile.cpuprofile', JSON.stringify(profile))
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  const deltas = profile.timeDeltas ?? []
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0)))
  const byFn = new Map<string, number>()
  const byUrl = new Map<string, number>()
  for (const [id, us] of self) {
    const f = nodes.get(id)!.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`
    byFn.set(key, (byFn.get(key) ?? 0) + us)
    const u = f.url.split('/').pop() || f.functionName
    byUrl.set(u, (byUrl.get(u) ?? 0) + us)
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n')
  console.log(top(byUrl, 15))
  console.log('---')
  console.log(top(byFn, 40))
} finally {
  await browser.close()
  await server.stop()
  await database.stop()
}

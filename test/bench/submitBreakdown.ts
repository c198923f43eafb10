/**
 * Where one submit's database commands and Node CPU go, in-process: the real app on a fresh
 * FerretDB (PostgreSQL backend unless DB_BACKEND=sqlite), every command the driver sends counted by
 * name and collection, and the server-side CPU of the submits measured with process.cpuUsage
 * (the requests are driven through app.callback() without a socket, so the client's cost is small
 * but not zero). Run with `--cpu-prof` to see the top self-time functions:
 *   cd server && BREAKDOWN_PROFILE=/tmp/submit.cpuprofile npx tsx ../test/bench/submitBreakdown.ts
 * (only the measured submits are profiled, not the start-up and seed). The background step the
 * submits leave (notifications, first reply, repeat concern, rollups) runs once afterwards and
 * is reported on its own: `background*` per submit.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import mongoose from 'mongoose'
import supertest from 'supertest'
import { createApp } from '../../server/src/app'
import { loadConfig } from '../../server/src/config/config'
import { connectDatabase } from '../../server/src/db/connect'
import { ensureIndexes } from '../../server/src/db/ensureIndexes'
import { startLocalDatabase, backendFromEnv } from '../../server/src/db/localDatabase'
import { buildDeps } from '../../server/src/deps'
import { systemClock } from '../../server/src/http/deps'
import { createLogger } from '../../server/src/log/logger'
import { ensureDefaultCategories } from '../../server/src/categories/categoryTree'
import { seedDemo } from '../../server/src/seed/demoSeed'
import { runEventProjections } from '../../server/src/cases/scheduleProjections'
import '../../server/src/models'

const submits = Number(process.env.BREAKDOWN_SUBMITS ?? 100)
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minqing-breakdown-'))
chmodSync(dataDir, 0o711)
const database = await startLocalDatabase({ dataDir, backend: backendFromEnv() ?? 'postgresql' })
try {
  await connectDatabase(database.uri, 'breakdown')
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    JWT_SECRET: 'breakdown-secret-breakdown-secret-42',
    H5_DIR: '/nonexistent',
    CASE_SUBMIT_PER_USER_HOUR: '100000000',
    CASE_SUBMIT_PER_IP_HOUR: '100000000',
    // No timer: the background step runs once, after the measured submits, and is counted apart.
    EVENT_PROJECTION_GATHER_MS: '0',
  })
  await ensureIndexes(database.postgresUrl ? { postgresUrl: database.postgresUrl } : undefined, config)
  await ensureDefaultCategories()
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() })
  const deps = buildDeps(config, createLogger(config.LOG_LEVEL, sink), config.JWT_SECRET!, systemClock)
  await seedDemo(deps)
  const request = supertest(createApp(deps).callback())
  const login = await request
    .post('/api/v1/auth/login')
    .send({ phone: '13800000005', password: 'minqing-demo' })
  const auth = `Bearer ${login.body.accessToken as string}`
  let serial = 0
  const submit = () =>
    request
      .post('/api/v1/cases')
      .set('Authorization', auth)
      .send({
        clientId: `breakdown-${process.pid}-${++serial}`,
        kind: 'suggestion',
        categoryCode: 'culture.library',
        title: '书屋开放时间',
        description: '希望农家书屋周末也能开放借书。',
      })
      .expect(201)
  for (let i = 0; i < 10; i++) await submit() // warm-up: JIT, pools, caches
  await runEventProjections(deps)

  const count =
    (into: Map<string, number>) => (event: { commandName: string; command: Record<string, unknown> }) => {
      const collection = event.command[event.commandName]
      const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`.trim()
      into.set(key, (into.get(key) ?? 0) + 1)
    }
  const client = mongoose.connection.getClient()
  const byCommand = new Map<string, number>()
  const onCommand = count(byCommand)
  client.on('commandStarted', onCommand)
  const profile = process.env.BREAKDOWN_PROFILE
  const session = new Session()
  if (profile) {
    session.connect()
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
  }
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (let i = 0; i < submits; i++) await submit()
  const used = process.cpuUsage(cpu)
  const wallMs = performance.now() - started
  if (profile) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile))
  client.off('commandStarted', onCommand)

  // What the submissions leave to the background step (notifications, first reply, repeat
  // concern, rollups), run once for all of them, on its own account.
  const background = new Map<string, number>()
  const onBackground = count(background)
  client.on('commandStarted', onBackground)
  const backgroundCpu = process.cpuUsage()
  const backgroundStarted = performance.now()
  const projected = await runEventProjections(deps)
  const backgroundUsed = process.cpuUsage(backgroundCpu)
  const backgroundWallMs = performance.now() - backgroundStarted
  client.off('commandStarted', onBackground)
  const table = (counts: Map<string, number>) =>
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([command, n]) => ({ command, perSubmit: Number((n / submits).toFixed(2)) }))
  console.log('request path:')
  console.table(table(byCommand))
  console.log('background step:')
  console.table(table(background))
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0)
  const perSubmit = (value: number) => Number((value / submits).toFixed(2))
  console.log(
    JSON.stringify({
      backend: database.kind,
      submits,
      commandsPerSubmit: perSubmit(total(byCommand)),
      cpuMsPerSubmit: perSubmit((used.user + used.system) / 1000),
      wallMsPerSubmit: perSubmit(wallMs),
      backgroundCommandsPerSubmit: perSubmit(total(background)),
      backgroundCpuMsPerSubmit: perSubmit((backgroundUsed.user + backgroundUsed.system) / 1000),
      backgroundWallMsPerSubmit: perSubmit(backgroundWallMs),
      projected,
    }),
  )
} finally {
  await mongoose.disconnect().catch(() => undefined)
  await database.stop()
  rmSync(dataDir, { recursive: true, force: true })
}

/**
 * Where one submit's database commands and Node CPU go, in-process: the real app on a fresh
 * FerretDB (PostgreSQL backend unless DB_BACKEND=sqlite), every command the driver sends counted by
 * name and collection, and the server-side CPU of the submits measured with process.cpuUsage
 * (the requests are driven through app.callback() without a socket, so the client's cost is small
 * but not zero). Run with `--cpu-prof` to see the top self-time functions:
 *   cd server && BREAKDOWN_PROFILE=/tmp/submit.cpuprofile npx tsx ../test/bench/submitBreakdown.ts
 * (only the measured submits are profiled, not the start-up and seed).
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

  const byCommand = new Map<string, number>()
  const client = mongoose.connection.getClient()
  const onCommand = (event: { commandName: string; command: Record<string, unknown> }) => {
    const collection = event.command[event.commandName]
    const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`.trim()
    byCommand.set(key, (byCommand.get(key) ?? 0) + 1)
  }
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
  // Background steps (if any) may still send commands a moment later: wait for them to settle.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const rows = [...byCommand.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([command, count]) => ({ command, perSubmit: Number((count / submits).toFixed(2)) }))
  console.table(rows)
  const total = [...byCommand.values()].reduce((sum, count) => sum + count, 0)
  console.log(
    JSON.stringify({
      backend: database.kind,
      submits,
      commandsPerSubmit: Number((total / submits).toFixed(2)),
      cpuMsPerSubmit: Number(((used.user + used.system) / 1000 / submits).toFixed(2)),
      wallMsPerSubmit: Number((wallMs / submits).toFixed(2)),
    }),
  )
} finally {
  await mongoose.disconnect().catch(() => undefined)
  await database.stop()
  rmSync(dataDir, { recursive: true, force: true })
}

import { dispatchRetrainJob } from './dispatch/retrainJob'
import mongoose from 'mongoose'
import type { Server } from 'node:http'
import { createApp } from './app'
import { createHttpServer } from './httpServer'
import { ConfigError, loadConfig } from './config/config'
import { localJwtSecret } from './config/jwtSecret'
import { fromProjectRoot } from './config/paths'
import { connectDatabase } from './db/connect'
import { ensureIndexes } from './db/ensureIndexes'
import { startLocalDatabase, type LocalDatabase } from './db/localDatabase'
import { buildDeps } from './deps'
import { systemClock } from './http/deps'
import { createLogger } from './log/logger'
import { ensureDefaultCategories } from './categories/categoryTree'
import { ensureDefaultReplyTemplates } from './replyTemplates/seedReplyTemplates'
import './models'
import { closeUnratedCases } from './cases/closeUnrated'
import { chaseRatings } from './ratings/chaseRatings'
import { remindDueRevisits } from './pairs/remindRevisits'
import { warnDutyGaps } from './campaigns/dutyCoverage'
import { startScheduler } from './scheduler/scheduler'
import { housekeeping } from './scheduler/housekeeping'
import { repairRollups } from './stats/rollupRepair'
import { anonymiseClosedCases } from './retention/anonymiseClosedCases'
import { sampleFollowUps } from './followUp/followUps'
import { superviseDeadlines } from './supervision/superviseDeadlines'
import { processOutbox } from './notifications/processOutbox'
import { ensureDefaultTenant } from './tenants/defaultTenant'
import { seedDemoIfAllowed } from './seed/seedPolicy'
import { configurePasswords } from './auth/passwords'
import { refreshSettings } from './settings/currentSettings'
import { startRateCounterWriteBack } from './rateLimit/batchedRateLimit'
import { runEventProjections } from './cases/scheduleProjections'

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const logger = createLogger(config.LOG_LEVEL)
  configurePasswords(config)
  const dataDir = fromProjectRoot(config.DATA_DIR)

  let local: LocalDatabase | undefined
  let uri = config.MONGODB_URI
  if (uri) {
    logger.info('database: MONGODB_URI is set; using it')
  } else {
    local = await startLocalDatabase({ dataDir, reuse: true })
    uri = local.uri
    logger.info({ kind: local.kind, reason: local.reason }, `database: started local ${local.kind}`)
    console.log(`[minqing] database: ${local.kind} — ${local.reason}`)
  }
  const flavour = await connectDatabase(uri, undefined, {
    poolSize: config.DB_POOL_SIZE,
    flavour: config.DB_FLAVOUR,
  })
  logger.info(flavour, `database: ${flavour.flavour} semantics (${flavour.version})`)
  console.log(`[minqing] database semantics: ${flavour.flavour} (${flavour.version})`)
  // Indexes (unique phone identities, subtree paths) must exist before the first request; on
  // FerretDB over PostgreSQL also the GIN indexes its queries can use, on MongoDB the TTL indexes.
  const postgresUrl = local?.postgresUrl ?? config.FERRETDB_POSTGRESQL_URL
  const indexes = await ensureIndexes(postgresUrl ? { postgresUrl } : undefined, config).catch(
    async (error: unknown) => {
      // A cluster named by FERRETDB_POSTGRESQL_URL that does not hold this database (another
      // FerretDB): the GIN indexes only speed queries up, so say so and go on without them.
      if (local || !postgresUrl) throw error
      logger.warn(
        { err: error },
        'database: FERRETDB_POSTGRESQL_URL does not hold this database; GIN indexes not synced',
      )
      return ensureIndexes(undefined, config)
    },
  )
  if (indexes.ttl.length) logger.info({ ttl: indexes.ttl }, 'database: TTL indexes created')
  const gin = indexes.gin
  if (gin?.created.length || gin?.dropped.length) logger.info(gin, 'database: GIN indexes brought in step')
  await ensureDefaultCategories()
  await ensureDefaultReplyTemplates()
  // Records from before tenants (no tenantId) belong to this one (tenants/defaultTenant.ts).
  await ensureDefaultTenant()

  const jwtSecret = config.JWT_SECRET ?? localJwtSecret(dataDir)
  const deps = buildDeps(config, logger, jwtSecret, systemClock)
  await refreshSettings(deps)
  // Admins may change time limits and calendars on another instance: pick that up every minute.
  const settingsTimer = setInterval(() => {
    refreshSettings(deps).catch((error: unknown) =>
      logger.error({ err: error }, 'refreshing settings failed'),
    )
  }, 60_000)
  settingsTimer.unref()

  {
    const logins = await seedDemoIfAllowed(deps)
    if (logins) {
      console.log(`[minqing] demo data seeded. Logins (password: ${config.DEMO_PASSWORD}):`)
      for (const login of logins) {
        // Demo accounts only (fixed, fictional numbers): the README promises they are printed.
        // eslint-disable-next-line no-restricted-syntax
        console.log(`  ${login.role.padEnd(9)} ${login.phone}  ${login.name}  ${login.unit ?? ''}`)
      }
    }
  }

  const server: Server = createHttpServer(createApp(deps), config).listen(config.PORT, config.HOST, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.PORT
    logger.info({ port }, 'listening')
    console.log(`[minqing] listening on http://127.0.0.1:${port}/ (API under /api/v1)`)
  })

  // Background sender for WeChat messages and SMS; safe with several instances (leases in the database).
  const outboxTimer =
    (deps.messenger || deps.sms) && config.OUTBOX_INTERVAL_MS > 0
      ? setInterval(() => {
          processOutbox(deps).catch((error: unknown) =>
            logger.error({ err: error }, 'outbox processing failed'),
          )
        }, config.OUTBOX_INTERVAL_MS)
      : undefined
  outboxTimer?.unref()
  // Background jobs: each runs on one instance per tick (claimed in the database), so several
  // server instances can run side by side.
  const stopScheduler = startScheduler(deps, [
    { name: 'superviseDeadlines', everyMs: config.SUPERVISE_EVERY_MS, run: superviseDeadlines },
    // Resolved cases nobody rated close as "no rating" once the window has passed.
    { name: 'closeUnrated', everyMs: 10 * 60_000, run: closeUnratedCases },
    // Paired households due for a revisit: one reminder per due date.
    { name: 'revisitReminders', everyMs: 60 * 60_000, run: remindDueRevisits },
    // 回头看: a share of the cases closed some weeks ago gets a return-visit question.
    { name: 'sampleFollowUps', everyMs: 60 * 60_000, run: sampleFollowUps },
    // What TTL indexes would do on MongoDB: idle uploads, unreferenced photos, ended rate windows.
    { name: 'housekeeping', everyMs: 60 * 60_000, run: housekeeping },
    // A failed rollup write is recounted from the event log (dashboards never drift silently).
    { name: 'repairRollups', everyMs: 5 * 60_000, run: repairRollups },
    // 开门接访 roster gaps in the coming week are reported to the campaign office, each day once.
    { name: 'warnDutyGaps', everyMs: 60 * 60_000, run: warnDutyGaps },
    // Retention: personal data of cases closed RETENTION_DAYS ago is removed or anonymised.
    { name: 'retention', everyMs: 6 * 60 * 60_000, run: anonymiseClosedCases },
    // Callers without the app who did not answer the rating SMS get the next one (issue 14).
    { name: 'chaseRatings', everyMs: 60 * 60_000, run: chaseRatings },
    // Smart dispatch (issue #15): retrain as dispatchers' corrections accumulate.
    dispatchRetrainJob,
    // What submissions left to the background (rollups), also another instance's leftovers.
    { name: 'eventProjections', everyMs: 60_000, run: runEventProjections },
  ])

  // Submission limits are counted in memory; the shared counters learn them every 2 s.
  const stopRateWriteBack = startRateCounterWriteBack(2_000, (error) =>
    logger.error({ err: error }, 'rate counter write-back failed'),
  )

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    if (outboxTimer) clearInterval(outboxTimer)
    stopScheduler()
    clearInterval(settingsTimer)
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await stopRateWriteBack()
    await mongoose.disconnect()
    await local?.stop()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  console.error('[minqing] failed to start:', error instanceof Error ? error.message : error)
  process.exit(1)
})

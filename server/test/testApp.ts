import type { Role } from '@minqing/shared'
import { Writable } from 'node:stream'
import supertest from 'supertest'
import { createApp } from '../src/app'
import { loadConfig, type Config } from '../src/config/config'
import { buildDeps } from '../src/deps'
import type { AppDeps, Clock } from '../src/http/deps'
import { createLogger } from '../src/log/logger'
import { checkResponseContract } from './responseContract'
import { runEventProjections, takePendingProjections } from '../src/cases/scheduleProjections'

// Issue 12: an answer that breaks its route's response schema fails the test that received it
// (the check below records it; the afterEach in setupDatabase.ts, run for every file, fails the test).

/** A clock that tests move by hand. */
export function manualClock(start = new Date('2026-03-02T09:00:00+08:00')) {
  let current = start.getTime()
  const clock: Clock & { advance(ms: number): void; set(date: Date): void } = {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms
    },
    set: (date) => {
      current = date.getTime()
    },
  }
  return clock
}

/** The app behind each test request, so fixtures can sign tokens as that app's login would. */
const depsOfRequest = new WeakMap<object, AppDeps>()

/**
 * An access token for a user, signed by the request's app with its clock and the account's token
 * version: what a password login answers, without its scrypt check and bookkeeping (issue #12:
 * fixtures log in dozens of accounts per file; the login itself is tested in src/auth).
 */
export async function signedInAs(
  request: ReturnType<typeof supertest>,
  user: { _id: unknown; role: Role; unitId?: unknown; tokenVersion?: number | null },
): Promise<string> {
  const deps = depsOfRequest.get(request)
  if (!deps) throw new Error('signedInAs: the request does not come from testApp()')
  const viewer = {
    userId: String(user._id),
    role: user.role,
    unitId: user.unitId ? String(user.unitId) : null,
  }
  return (await deps.tokens.signAccess(viewer, user.tokenVersion ?? 0)).token
}

export interface TestAppOptions {
  clock?: Clock
  env?: Record<string, string>
  override?: (deps: AppDeps) => AppDeps
  /**
   * What a submission leads to (notifications, first reply, repeat check, rollups) is written by
   * a background step in the server (issue 18). By default a test's request that submitted a
   * case answers only once that step ran, so tests see the system as a resident does a moment
   * later; false leaves it to explicit settle() calls (tests of the step itself).
   */
  autoSettle?: boolean
}

/** The real app on the test database, driven in-process through `app.callback()`; logs are captured. */
export function testApp(options: TestAppOptions = {}) {
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    SEED_DEMO: 'false',
    JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    H5_DIR: '/nonexistent',
    // No background timer: what a submission leads to (first reply, notifications, rollups) is
    // written when a test calls settle(), not at a moment that races the test's next request.
    EVENT_PROJECTION_GATHER_MS: '0',
    ...options.env,
  })
  const clock = options.clock ?? manualClock()
  let deps = buildDeps(config, createLogger(config.LOG_LEVEL, sink), config.JWT_SECRET!, clock)
  if (options.override) deps = options.override(deps)
  const app = createApp(deps)
  if (options.autoSettle !== false) {
    const appDeps = deps
    app.middleware.unshift(async (_ctx, next) => {
      await next()
      if (takePendingProjections()) await runEventProjections(appDeps)
    })
  }
  // Just inside compression: it sees the JSON body the route produced, before it becomes a stream.
  const compressAt = app.middleware.findIndex((middleware) => middleware.name === 'compressMiddleware')
  if (compressAt < 0) throw new Error('testApp: the compression middleware moved; place the contract check')
  app.middleware.splice(compressAt + 1, 0, checkResponseContract)
  const request = supertest(app.callback())
  depsOfRequest.set(request, deps)
  /** Runs the background step over the events stored so far (issue 18), with this app's deps. */
  const settle = () => runEventProjections(deps)
  return { app, deps, request, logLines, clock, settle }
}

import path from 'node:path'
import { afterAll, afterEach, beforeAll, inject, type RunnerTestFile, type RunnerTestSuite } from 'vitest'
import '../src/models'
import { setPasswordHashCost } from '../src/auth/passwords'
import { loadConfig } from '../src/config/config'
import { resetProcessState } from '../src/processState/processState'
import { takeContractViolations } from './responseContract'
import { dropFreshDatabase, useFreshDatabase, useWorkerDatabase } from './workerDatabase'

// Run before every test file. The files of a worker share one module graph (`isolate: false`,
// issue #12), so per-file work lives here, not at the top level of imported helpers: those run
// only for the first file of a worker.

// Issue #12: fixtures hash many passwords. The vitest config sets PASSWORD_HASH_COST (N=2^10: real
// scrypt hashes at 1/32 of the production cost), read here through the configuration as the
// server reads it. Hashes carry their parameters, so production-cost hashes verify all the same.
setPasswordHashCost(loadConfig({ PASSWORD_HASH_COST: process.env.PASSWORD_HASH_COST }).PASSWORD_HASH_COST)

// Issue 12: an answer of the test app that breaks its route's response schema fails the test
// that received it (testApp.ts records them).
afterEach(() => {
  const violations = takeContractViolations()
  if (violations.length) throw new Error(`Response contract broken:\n${violations.join('\n\n')}`)
})

/**
 * Files that exercise the database machinery itself (indexes, connections, backups, semantics
 * probes with collections of their own): a brand-new database each, dropped afterwards.
 */
const freshDatabaseFor = [
  `${path.sep}src${path.sep}db${path.sep}`,
  `${path.sep}test${path.sep}dbSemantics${path.sep}`,
]
let fresh = false

/**
 * Each test file starts on an empty database and with nothing in memory from the file before:
 * the worker's database emptied (workerDatabase.ts), or one of its own for `freshDatabaseFor`.
 */
// The file's suite is the second argument; vitest wants the first (test context) destructured.
// eslint-disable-next-line no-empty-pattern
beforeAll(async ({}, suite) => {
  const file = ((suite as RunnerTestSuite).file as RunnerTestFile | undefined)?.filepath ?? ''
  fresh = freshDatabaseFor.some((folder) => file.includes(folder))
  await resetProcessState()
  if (fresh) await useFreshDatabase(inject('mongoUri'), 'test')
  else await useWorkerDatabase(inject('mongoUri'), 'test')
})

// Work the file left in flight (projections, rate-counter write-backs) ends on its own database.
afterAll(async () => {
  await resetProcessState()
  if (fresh) await dropFreshDatabase()
})

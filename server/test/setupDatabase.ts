import mongoose from 'mongoose'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, inject } from 'vitest'
import { connectDatabase } from '../src/db/connect'
import '../src/models'
import { setPasswordHashCost } from '../src/auth/passwords'
import { loadConfig } from '../src/config/config'

// Issue #12: fixtures hash many passwords. The vitest config sets PASSWORD_HASH_COST (N=2^10: real
// scrypt hashes at 1/32 of the production cost), read here through the configuration as the
// server reads it. Hashes carry their parameters, so production-cost hashes verify all the same.
setPasswordHashCost(loadConfig({ PASSWORD_HASH_COST: process.env.PASSWORD_HASH_COST }).PASSWORD_HASH_COST)

/** Each test file gets its own database on the shared server, dropped afterwards. */
beforeAll(async () => {
  const dbName = `test_${randomBytes(6).toString('hex')}`
  await connectDatabase(inject('mongoUri'), dbName)
  await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()))
})

afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => undefined)
  await mongoose.disconnect()
})

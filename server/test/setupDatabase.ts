import mongoose from 'mongoose'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, inject } from 'vitest'
import { connectDatabase } from '../src/db/connect'
import '../src/models'
import { setPasswordHashCost } from '../src/auth/passwords'

import { testPasswordHashCost } from './passwordCost'

// Issue #12: fixtures hash many passwords; N=2^10 keeps them real scrypt hashes at 1/32 of the
// production cost. Hashes carry their parameters, so production-cost hashes verify all the same.
setPasswordHashCost(testPasswordHashCost)

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

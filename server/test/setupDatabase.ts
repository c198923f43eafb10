import mongoose from 'mongoose'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, inject } from 'vitest'
import { connectDatabase } from '../src/db/connect'
import '../src/models'

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

import mongoose from 'mongoose'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { connectDatabase } from './connect'
import { databaseFlavour, flavourFromEnv, flavourOfBuildInfo, setDatabaseFlavour } from './flavour'
import { nextSequence, sequenceBlockSize } from './sequence'

const onFerretdb = inject('databaseKind').startsWith('ferretdb')

describe('database flavour', () => {
  const detected = databaseFlavour()
  afterEach(() => setDatabaseFlavour(detected))

  it('is detected from the server at connect time, and sets retryable writes to match', async () => {
    const buildInfo = await mongoose.connection.db!.admin().command({ buildInfo: 1 })
    expect(flavourOfBuildInfo(buildInfo).flavour).toBe(onFerretdb ? 'ferretdb' : 'mongodb')
    expect(databaseFlavour()).toBe(onFerretdb ? 'ferretdb' : 'mongodb')
    const options = mongoose.connection.getClient().options
    expect(options.retryWrites).toBe(!onFerretdb)
    expect(options.maxPoolSize).toBe(onFerretdb ? 8 : 100)
  })

  it('tells FerretDB from MongoDB by buildInfo', () => {
    expect(flavourOfBuildInfo({ version: '7.0.42', ferretdbVersion: 'v1.24.0' })).toEqual({
      flavour: 'ferretdb',
      version: 'FerretDB v1.24.0',
      forced: false,
    })
    expect(flavourOfBuildInfo({ version: '7.0.12' })).toEqual({
      flavour: 'mongodb',
      version: 'MongoDB 7.0.12',
      forced: false,
    })
  })

  it('DB_FLAVOUR forces it, and a typo is refused instead of picking one', async () => {
    expect(flavourFromEnv('mongodb')).toBe('mongodb')
    expect(flavourFromEnv('')).toBeUndefined()
    expect(() => flavourFromEnv('mongo')).toThrow(/DB_FLAVOUR/)
    const dbName = mongoose.connection.db!.databaseName
    await mongoose.disconnect()
    const forced = onFerretdb ? 'mongodb' : 'ferretdb'
    try {
      expect(await connectDatabase(inject('mongoUri'), dbName, { flavour: forced })).toMatchObject({
        flavour: forced,
        forced: true,
      })
      expect(databaseFlavour()).toBe(forced)
    } finally {
      await mongoose.disconnect()
      await connectDatabase(inject('mongoUri'), dbName)
    }
  })
})

describe('nextSequence', () => {
  it('hands out each number once under concurrency, on the detected flavour', async () => {
    const numbers = await Promise.all(Array.from({ length: 30 }, () => nextSequence('concurrent')))
    expect(new Set(numbers).size).toBe(30)
    expect(Math.max(...numbers)).toBe(30)
  })

  it('counts with an atomic $inc where the server has one', async () => {
    const detected = databaseFlavour()
    setDatabaseFlavour('mongodb')
    try {
      expect([await nextSequence('inc'), await nextSequence('inc'), await nextSequence('inc')]).toEqual([
        1, 2, 3,
      ])
      // One $inc reserves a block of numbers (issue 18: one round trip per block, not per number).
      const counter = await mongoose.connection.db!.collection('counters').findOne({ _id: 'inc' as never })
      expect(counter?.value).toBe(sequenceBlockSize)
      // No claims: the counter alone decides on MongoDB.
      expect(
        await mongoose.connection.db!.collection('claims').countDocuments({ _id: /^seq\|inc\|/ as never }),
      ).toBe(0)
    } finally {
      setDatabaseFlavour(detected)
    }
  })
})

import mongoose from 'mongoose'
import { observeDatabaseClient } from '../metrics/databaseMetrics'
import { countCommand } from './backgroundWork'
import { flavourFromEnv, flavourOfBuildInfo, setDatabaseFlavour, type FlavourDetection } from './flavour'

/** FerretDB runs every command through one Go process: a small pool keeps it from thrashing. */
const ferretdbPoolSize = 8

export interface ConnectOptions {
  /** DB_POOL_SIZE; unset → 8 on FerretDB, the driver's default (100) on MongoDB. */
  poolSize?: number
  /** DB_FLAVOUR; unset → asked of the server. */
  flavour?: FlavourDetection['flavour']
}

/**
 * Connects mongoose after finding out which server it is (a short-lived client asks `buildInfo`),
 * because the connection options differ: retryable writes on MongoDB (a replica set needs them to
 * survive a primary step-down), off on FerretDB v1 (no sessions behind them). Server selection
 * fails fast (5 s) so that a request during an outage is answered with 503 instead of hanging.
 */
export async function connectDatabase(
  uri: string,
  dbName?: string,
  options: ConnectOptions = {},
): Promise<FlavourDetection> {
  mongoose.set('strictQuery', true)
  // Every query otherwise captures `new Error().stack` when it runs, only to name the first run in
  // a "Query was already executed" error: with source maps on (tsx), preparing that stack was a
  // noticeable share of the background step's CPU per submission (issue 18).
  mongoose.set('skipOriginalStackTraces', true)
  const forced = options.flavour ?? flavourFromEnv()
  const detection = forced
    ? { flavour: forced, version: 'DB_FLAVOUR', forced: true }
    : await detectFlavour(uri)
  setDatabaseFlavour(detection.flavour)
  const ferretdb = detection.flavour === 'ferretdb'
  const poolSize = options.poolSize ?? (ferretdb ? ferretdbPoolSize : undefined)
  await mongoose.connect(uri, {
    dbName,
    serverSelectionTimeoutMS: 5_000,
    retryWrites: !ferretdb,
    ...(poolSize ? { maxPoolSize: poolSize } : {}),
    // Command events feed minqing_db_commands_total (and so the bench's commands per request).
    monitorCommands: true,
  })
  observeDatabaseClient(mongoose.connection.getClient())
  mongoose.connection.getClient().on('commandStarted', countCommand)
  return detection
}

async function detectFlavour(uri: string): Promise<FlavourDetection> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5_000, maxPoolSize: 1 })
  try {
    await client.connect()
    return flavourOfBuildInfo(await client.db('admin').command({ buildInfo: 1 }))
  } finally {
    await client.close()
  }
}

export function isDatabaseReady(): boolean {
  return mongoose.connection.readyState === 1
}

export async function pingDatabase(): Promise<boolean> {
  try {
    const db = mongoose.connection.db
    if (!db) return false
    await db.admin().command({ ping: 1 })
    return true
  } catch {
    return false
  }
}

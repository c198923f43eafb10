import mongoose from 'mongoose'
import { randomBytes } from 'node:crypto'
import { connectDatabase } from '../src/db/connect'
import { setDatabaseFlavour, type DatabaseFlavour } from '../src/db/flavour'

/**
 * The database the test files of one worker share (issue #12). With `isolate: false` a worker runs
 * its files one after another in one process, and this module (unlike the setup file) is
 * evaluated once per process, so what it holds lasts from file to file.
 *
 * On FerretDB every new database costs PostgreSQL DDL for each collection and index (49 models:
 * seconds per file on a loaded machine); emptying the collections of one database costs one
 * command per collection and keeps the indexes.
 */
let shared: { name: string; flavour: DatabaseFlavour; indexed: boolean } | undefined

const models = () => Object.values(mongoose.models)

/** Connects to this worker's database (made on first use) and leaves it as a new one: empty, indexed. */
export async function useWorkerDatabase(uri: string, prefix: string): Promise<void> {
  shared ??= { name: `${prefix}_w${randomBytes(4).toString('hex')}`, flavour: 'ferretdb', indexed: false }
  const connection = mongoose.connection
  if (connection.readyState !== 1 || connection.db?.databaseName !== shared.name) {
    // The previous file was one that needed a database of its own (freshDatabase) and closed it.
    if (connection.readyState !== 0) await mongoose.disconnect()
    shared.flavour = (await connectDatabase(uri, shared.name)).flavour
  }
  // A file may have changed the detected flavour (src/db tests force one): back to the server's.
  setDatabaseFlavour(shared.flavour)
  const db = connection.db!
  const existing = (await db.listCollections({}, { nameOnly: true }).toArray()).map(({ name }) => name)
  await Promise.all(existing.map((name) => db.collection(name).deleteMany({})))
  // On the first file, or when a test dropped a model's collection (a rollup rebuild recreates its
  // own): the indexes every model declares, as a new database gets them.
  const missing = models().filter(
    (model) => model.schema.indexes().length > 0 && !existing.includes(model.collection.collectionName),
  )
  if (!shared.indexed || missing.length) {
    await Promise.all((shared.indexed ? missing : models()).map((model) => model.createIndexes()))
    shared.indexed = true
  }
}

/** A database of the file's own, dropped by `dropFreshDatabase` (files that change indexes or connections). */
export async function useFreshDatabase(uri: string, prefix: string): Promise<void> {
  if (mongoose.connection.readyState !== 0) await mongoose.disconnect()
  await connectDatabase(uri, `${prefix}_${randomBytes(6).toString('hex')}`)
  await Promise.all(models().map((model) => model.createIndexes()))
}

export async function dropFreshDatabase(): Promise<void> {
  await mongoose.connection.dropDatabase().catch(() => undefined)
  await mongoose.disconnect()
}

import { mkdirSync } from 'node:fs'
import path from 'node:path'

/** mongodb-memory-server: downloads a real MongoDB, so it only works with internet access. */
export async function startMemoryServer(dataDir: string) {
  let MongoMemoryServer: typeof import('mongodb-memory-server-core').MongoMemoryServer
  try {
    ;({ MongoMemoryServer } = await import('mongodb-memory-server-core'))
  } catch {
    throw new Error(
      'No local database: no mongod or ferretdb on PATH, no .tools/bin/ferretdb, and mongodb-memory-server-core ' +
        'is not installed. Run `npm run setup` (builds FerretDB with Go) or set MONGODB_URI.',
    )
  }
  const dbPath = path.join(dataDir, 'memory-server')
  mkdirSync(dbPath, { recursive: true, mode: 0o700 })
  const server = await MongoMemoryServer.create({
    instance: { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' },
  })
  return {
    uri: server.getUri(),
    stop: async () => {
      await server.stop({ doCleanup: false })
    },
  }
}

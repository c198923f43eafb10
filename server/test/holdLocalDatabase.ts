// Starts the local database like the server does (reuse: true), writes one document, prints the
// URI and then waits to be killed: the kill -9 test adopts what it leaves running.
import mongoose from 'mongoose'
import { startLocalDatabase } from '../src/db/localDatabase'

const database = await startLocalDatabase({ dataDir: process.argv[2]!, reuse: true })
const connection = await mongoose.createConnection(database.uri, { dbName: 'adopt' }).asPromise()
await connection.db!.collection('marks').insertOne({ _id: 'before-kill' } as never)
await connection.close()
console.log(JSON.stringify({ uri: database.uri, kind: database.kind }))
setInterval(() => undefined, 60_000)

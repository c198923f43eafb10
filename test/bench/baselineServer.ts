import { submitCaseInputSchema } from '@minqing/shared'
import { MongoClient } from 'mongodb'
import http from 'node:http'

/**
 * The practical limit the issue compares against: a bare Node `http` server doing the same
 * validated insert (the shared zod schema, one document) with the plain `mongodb` driver.
 */
const client = await new MongoClient(process.env.MONGODB_URI!).connect()
const cases = client.db().collection('baseline_cases')
await cases.createIndex({ clientId: 1 }, { unique: true })

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    void (async () => {
      try {
        const parsed = submitCaseInputSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        if (!parsed.success) {
          response.writeHead(400).end('{"error":"invalid"}')
          return
        }
        const result = await cases.insertOne({ ...parsed.data, submittedAt: new Date(), status: 'submitted' })
        response
          .writeHead(201, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: result.insertedId }))
      } catch {
        response.writeHead(500).end()
      }
    })()
  })
})
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'))

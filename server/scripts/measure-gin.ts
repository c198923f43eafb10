// Times find({_id}) and an inbox-style query on FerretDB over PostgreSQL before and after the GIN
// expression indexes, at the case counts given (default 10000 and 100000). Not a test: numbers for
// a report. Run: npx tsx scripts/measure-gin.ts [10000 100000]
import mongoose from 'mongoose'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import '../src/models'
import { ensureIndexes } from '../src/db/ensureIndexes'
import { startLocalDatabase } from '../src/db/localDatabase'

const counts = process.argv.slice(2).map(Number).filter(Boolean)
const sizes = counts.length ? counts : [10_000, 100_000]
const statuses = ['routed', 'accepted', 'processing', 'resolved', 'closed']
const rounds = 20

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint()
    await run()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-measure-'))
const database = await startLocalDatabase({ dataDir: dir, backend: 'postgresql' })
try {
  for (const size of sizes) {
    await mongoose.connect(database.uri, { dbName: `measure_${size}` })
    const cases = mongoose.connection.db!.collection('cases')
    // Only mongoose's createIndexes first: the "before" numbers are FerretDB's own indexes.
    await Promise.all(Object.values(mongoose.models).map((model) => model.createIndexes()))
    const units = Array.from({ length: 100 }, () => new mongoose.Types.ObjectId())
    const ids: mongoose.Types.ObjectId[] = []
    for (let i = 0; i < size; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - i) }, (_, j) => {
        const _id = new mongoose.Types.ObjectId()
        ids.push(_id)
        const n = i + j
        return {
          _id,
          unitId: units[n % units.length],
          status: statuses[n % statuses.length],
          title: `第${n}件`,
          description: '测量用的案件描述'.repeat(20),
        }
      })
      await cases.insertMany(batch as never[], { ordered: false })
    }
    const byId = () => cases.findOne({ _id: ids[Math.floor(Math.random() * ids.length)] })
    const inbox = () =>
      cases.find({ unitId: units[Math.floor(Math.random() * units.length)], status: 'processing' }).toArray()
    const before = { byId: await median(byId), inbox: await median(inbox) }
    await ensureIndexes(database)
    const after = { byId: await median(byId), inbox: await median(inbox) }
    console.log(
      `${size} cases: find({_id}) ${before.byId.toFixed(1)} → ${after.byId.toFixed(1)} ms; ` +
        `find({unitId, status}) ${before.inbox.toFixed(1)} → ${after.inbox.toFixed(1)} ms (median of ${rounds})`,
    )
    await mongoose.connection.dropDatabase()
    await mongoose.disconnect()
  }
} finally {
  await database.stop()
  rmSync(dir, { recursive: true, force: true })
}

/**
 * The inbox query before and after issue #18 on FerretDB over PostgreSQL, at CASES cases (default
 * 50k): the old `$or` + `status: {$in}` shape against listCases' equality alternatives (findAnyOf).
 * `cd server && npx tsx scripts/measure-inbox.ts`.
 */
import { openStatuses } from '@minqing/shared'
import mongoose from 'mongoose'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import '../src/models'
import { CaseModel } from '../src/cases/case.model'
import { inboxFilters } from '../src/cases/inboxFilters'
import { connectDatabase } from '../src/db/connect'
import { ensureIndexes } from '../src/db/ensureIndexes'
import { findAnyOf } from '../src/db/findAnyOf'
import { startLocalDatabase } from '../src/db/localDatabase'

const count = Number(process.env.CASES ?? 50_000)
const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-inbox-'))
chmodSync(dir, 0o711)
const database = await startLocalDatabase({ dataDir: dir, backend: 'postgresql' })
try {
  const flavour = await connectDatabase(database.uri, 'inbox')
  await ensureIndexes({ postgresUrl: database.postgresUrl! }, { UPLOAD_SESSION_TTL_HOURS: 48 })
  const units = Array.from({ length: 50 }, () => new mongoose.Types.ObjectId())
  const statuses = ['dispatched', 'in_progress', 'closed', 'closed', 'closed', 'resolved']
  for (let start = 0; start < count; start += 2000) {
    await CaseModel.collection.insertMany(
      Array.from({ length: Math.min(2000, count - start) }, (_, j) => {
        const i = start + j
        return {
          unitId: units[i % units.length],
          coUnitIds: i % 11 === 0 ? [units[(i + 1) % units.length]] : [],
          status: statuses[i % statuses.length],
          deadlines: { dueAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))) },
          createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
        }
      }),
    )
  }
  const unit = String(units[7])
  const sort = { 'deadlines.dueAt': 1, createdAt: 1, _id: 1 } as const
  const old = { $or: [{ unitId: unit }, { coUnitIds: unit }], status: { $in: [...openStatuses] } }
  const time = async (label: string, run: () => Promise<unknown>) => {
    const ms: number[] = []
    for (let i = 0; i < 7; i++) {
      const started = performance.now()
      await run()
      ms.push(performance.now() - started)
    }
    ms.sort((a, b) => a - b)
    console.log(`${label}: median ${ms[3]!.toFixed(1)} ms, max ${ms[6]!.toFixed(1)} ms`)
  }
  console.log(`${count} cases, ${flavour.version}`)
  await time('old $or/$in (page + count)', () =>
    Promise.all([CaseModel.find(old).sort(sort).limit(20), CaseModel.countDocuments(old)]),
  )
  await time('equalities merged (findAnyOf)', () =>
    findAnyOf(CaseModel, inboxFilters(unit, openStatuses), sort, { skip: 0, limit: 20 }),
  )
} finally {
  await mongoose.disconnect()
  await database.stop()
  rmSync(dir, { recursive: true, force: true })
}

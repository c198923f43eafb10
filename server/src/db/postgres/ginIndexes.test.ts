import mongoose from 'mongoose'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { CaseModel } from '../../cases/case.model'
import { CaseEventModel } from '../../cases/caseEvent.model'
import { VisitModel } from '../../visits/visit.model'
import { connectDatabase } from '../connect'
import { ensureIndexes } from '../ensureIndexes'
import { inboxFilters } from '../../cases/inboxFilters'
import { openStatuses } from '@minqing/shared'
import { startLocalDatabase, type LocalDatabase } from '../localDatabase'
import { declaredCollections, syncGinIndexes } from './ginIndexes'

// The hot queries of the API must be index-backed on FerretDB over PostgreSQL. This needs that
// backend: the run's shared one when it is it, else one of the test's own.
let postgresUrl = inject('postgresUrl')
let own: { database: LocalDatabase; dir: string } | undefined
let sql: pg.Client

const units = Array.from({ length: 40 }, () => new mongoose.Types.ObjectId())
const staff = Array.from({ length: 200 }, () => new mongoose.Types.ObjectId())
const caseIds = Array.from({ length: 3000 }, () => new mongoose.Types.ObjectId())
const statuses = ['routed', 'accepted', 'processing', 'resolved', 'closed']

async function insertInBatches(collection: string, docs: object[]) {
  const target = mongoose.connection.db!.collection(collection)
  for (let i = 0; i < docs.length; i += 500) await target.insertMany(docs.slice(i, i + 500) as never[])
}

beforeAll(async () => {
  if (!postgresUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-gin-'))
    const database = await startLocalDatabase({ dataDir: dir, backend: 'postgresql' })
    own = { database, dir }
    postgresUrl = database.postgresUrl!
    await mongoose.disconnect()
    await connectDatabase(database.uri, 'gin_explain')
  }
  // As at server start: collections and indexes first, data afterwards.
  await ensureIndexes({ postgresUrl }, { UPLOAD_SESSION_TTL_HOURS: 48 })
  await insertInBatches(
    'cases',
    caseIds.map((_id, i) => ({
      _id,
      unitId: units[i % units.length],
      status: statuses[i % statuses.length],
      createdBy: staff[i % staff.length],
      clientId: `c-${i}`,
      title: `t-${i}`,
      number: `2026${String(i).padStart(6, '0')}`,
    })),
  )
  await insertInBatches(
    'caseevents',
    caseIds.map((caseId, i) => ({ caseId, seq: 1 + (i % 3), action: 'submit' })),
  )
  await insertInBatches(
    'visits',
    caseIds.slice(0, 2000).map((_, i) => ({
      createdBy: staff[i % staff.length],
      clientId: `v-${i}`,
      visitorIds: [staff[i % staff.length], staff[(i + 7) % staff.length]],
      unitId: units[i % units.length],
    })),
  )
  sql = new pg.Client({ connectionString: postgresUrl })
  await sql.connect()
  // What autovacuum does a little later on its own; here now, so the planner sees the row counts.
  const schema = mongoose.connection.db!.databaseName
  const tables = await sql.query<{ table: string }>(
    `SELECT _jsonb->>'table' AS table FROM "${schema}"._ferretdb_database_metadata`,
  )
  for (const { table } of tables.rows) await sql.query(`ANALYZE "${schema}"."${table}"`)
}, 180_000)

afterAll(async () => {
  await sql?.end()
  if (own) {
    await mongoose.disconnect()
    await own.database.stop()
    rmSync(own.dir, { recursive: true, force: true })
  }
})

/** The index names of PostgreSQL's plan for a query, as FerretDB's explain returns it. */
function indexesUsed(explained: unknown): string[] {
  const plan = (explained as { queryPlanner: { Plan: unknown } }).queryPlanner.Plan
  const names: string[] = []
  const walk = (node: { 'Index Name'?: string; Plans?: unknown[] }) => {
    if (node['Index Name']) names.push(node['Index Name'])
    for (const child of node.Plans ?? []) walk(child as never)
  }
  walk(plan as never)
  return names
}

describe('GIN expression indexes on FerretDB’s PostgreSQL tables', () => {
  it('back the hot queries: case by id, inbox by unit and status, events by case, visits by staff', async () => {
    const explained = {
      caseById: await CaseModel.find({ _id: caseIds[1234] }).explain(),
      inbox: await CaseModel.find({ unitId: units[3], status: 'processing' }).explain(),
      eventsByCase: await CaseEventModel.find({ caseId: caseIds[42] }).sort({ seq: 1 }).explain(),
      visitsByStaff: await VisitModel.find({ visitorIds: staff[17] }).explain(),
    }
    const used = Object.fromEntries(
      Object.entries(explained).map(([query, plan]) => [query, indexesUsed(plan)]),
    )
    expect(used.caseById).toEqual([expect.stringMatching(/^mqgin_.*__id$/)])
    expect(used.inbox).toEqual([expect.stringMatching(/^mqgin_.*_unitid_status$/)])
    expect(used.eventsByCase).toEqual([expect.stringMatching(/^mqgin_.*_caseid_seq$/)])
    // Served by the (campaignId, visitorIds) index: a multi-column GIN serves any of its columns.
    expect(used.visitsByStaff).toEqual([expect.stringMatching(/^mqgin_.*_campaignid_visitorids$/)])
  })

  it('back the inbox as listCases queries it: every (lead or 协办 unit) × status equality is an index scan', async () => {
    const alternatives = inboxFilters(String(units[3]), openStatuses)
    expect(alternatives).toHaveLength(2 * openStatuses.length)
    for (const filter of alternatives) {
      const used = indexesUsed(await CaseModel.find(filter).sort({ 'deadlines.dueAt': 1, _id: 1 }).explain())
      // An index scan, never a full read. Which of our indexes serves it is the planner's choice: a
      // multi-column GIN serves any of its columns, so a lead-unit alternative may be served by
      // the status column of the (coUnitIds, status) index when that is the cheaper read.
      expect(used).toEqual([expect.stringMatching(/^mqgin_.*_(unitid_|counitids_)?status/)])
    }
    const coIndex = await sql.query(
      `SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE '%_counitids_status'`,
      [mongoose.connection.db!.databaseName],
    )
    expect(coIndex.rowCount).toBe(1)
    // The shape it replaced: FerretDB pushes neither $or nor $in down, so PostgreSQL reads every row.
    const old = { $or: [{ unitId: units[3] }, { coUnitIds: units[3] }], status: { $in: [...openStatuses] } }
    expect(indexesUsed(await CaseModel.find(old).explain())).toEqual([])
  })

  it('are used by FerretDB’s cached statements too (custom plans), also for an index made while it runs', async () => {
    const database = mongoose.connection.db!.databaseName
    const scans = async () => {
      const result = await sql.query<{ scans: string }>(
        `SELECT COALESCE(SUM(idx_scan), 0) AS scans FROM pg_stat_user_indexes
         WHERE schemaname = $1 AND indexrelname LIKE 'mqgin_%\\_title'`,
        [database],
      )
      return Number(result.rows[0]!.scans)
    }
    // Run the statement often enough for PostgreSQL to consider a generic plan, before the index exists.
    for (let i = 0; i < 8; i++) await CaseModel.find({ title: `t-${i}` }).lean()
    const declared = [
      ...declaredCollections(),
      { collection: 'cases', indexes: [[{ title: 1 }, {}]] as never, dateFields: [] },
    ]
    const { created } = await syncGinIndexes(postgresUrl, database, declared)
    expect(created).toEqual([expect.stringMatching(/_title$/)])
    const before = await scans()
    for (let i = 0; i < 10; i++) {
      expect(await CaseModel.find({ title: `t-${i}` }).lean()).toHaveLength(1)
    }
    // Statistics reach pg_stat_user_indexes when FerretDB's sessions flush them: wait for that.
    let after = before
    for (let attempt = 0; attempt < 150 && after < before + 10; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      after = await scans()
    }
    expect(after - before).toBeGreaterThanOrEqual(10)
  }, 60_000)

  it('are kept in step: a second sync changes nothing, an index no model declares any more is dropped', async () => {
    const database = mongoose.connection.db!.databaseName
    expect((await ensureIndexes({ postgresUrl }, { UPLOAD_SESSION_TTL_HOURS: 48 })).gin).toEqual({
      created: [],
      // The title index of the previous test is declared by no model: dropped.
      dropped: [expect.stringMatching(/_title$/)],
    })
    expect(await syncGinIndexes(postgresUrl, database)).toEqual({ created: [], dropped: [] })
  })
})

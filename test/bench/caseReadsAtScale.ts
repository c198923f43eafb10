import { openStatuses } from '@minqing/shared'
import { MongoClient, ObjectId, type Document } from 'mongodb'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { backendFromEnv, startLocalDatabase } from '../../server/src/db/localDatabase'
import { apiLogin, startServer } from '../support/server'
import { mulberry32 } from '../../server/src/dispatch/linearModel'

/**
 * Case detail and a unit's inbox with 100k and 1M cases in the database (issue 18: detail p95 ≤ 30
 * ms and inbox p95 ≤ 100 ms at both sizes, growth < 1.5×). The demo's cases, each with its events,
 * are the templates: copies get new ids, numbers and client ids and are spread over 40 units, one
 * of them the demo handler's, so its inbox holds a fortieth of the cases (most of them closed, as
 * the templates are). Each copy is moved back in time, with its events, as a year of real use
 * would spread them: open cases by up to two weeks, the others by up to a year (so the similar-case
 * and inbox queries meet the numbers of a real year, not a million cases of this week). Events are
 * copied without their outbox slot: they are history, not work for the background step. Each size is measured on a freshly started server (no warm caches) with
 * `requests` detail reads of random copies (as the admin) and as many inbox pages (as the handler).
 * Sizes: BENCH_CASE_READ_SIZES=100000 (default 100k, 1M); BENCH_CASE_READ_REQUESTS (default 200). Run alone:
 * `cd test && npx tsx bench/caseReadsAtScale.ts`.
 */
export interface CaseReadRow {
  cases: number
  events: number
  insertSeconds: number
  detailP50Ms: number
  detailP95Ms: number
  inboxP50Ms: number
  inboxP95Ms: number
  /** Open cases in the handler's inbox (what the inbox query sorts). */
  inboxOpen: number
}

const dayMs = 86_400_000

/** A copy of `value` with every date in it moved by `deltaMs` (a case and its events alike). */
function shifted<T>(value: T, deltaMs: number): T {
  if (value instanceof Date) return new Date(value.getTime() + deltaMs) as T
  if (Array.isArray(value)) return value.map((item) => shifted(item, deltaMs)) as T
  // Only plain objects are walked: ObjectIds, binaries and the like are kept as they are.
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = shifted(item, deltaMs)
    return copy as T
  }
  return value
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10
}

export async function benchCaseReads(
  mongoUri: string,
  sizes = (process.env.BENCH_CASE_READ_SIZES ?? '100000,1000000').split(',').map(Number),
  requests = Number(process.env.BENCH_CASE_READ_REQUESTS ?? 200),
): Promise<CaseReadRow[]> {
  const seeded = await startServer(mongoUri, { LOG_LEVEL: 'error' })
  const client = await new MongoClient(seeded.mongoUri).connect()
  const cases = client.db().collection('cases')
  const events = client.db().collection('caseevents')
  const rows: CaseReadRow[] = []
  try {
    const handler = await apiLogin(seeded.baseUrl, '13800000003')
    const inbox = (await (
      await fetch(`${seeded.baseUrl}/api/v1/cases?scope=inbox&pageSize=20`, {
        headers: { Authorization: `Bearer ${handler.accessToken}` },
      })
    ).json()) as { items: Array<{ unitId: string | null }> }
    const handlerUnit = inbox.items.find((item) => item.unitId)?.unitId
    if (!handlerUnit) throw new Error('the demo handler has no case in its inbox')
    await seeded.stop()

    const templates = await cases.find().sort({ _id: 1 }).toArray()
    const templateEvents = new Map<string, Document[]>()
    for (const event of await events.find().sort({ caseId: 1, seq: 1 }).toArray()) {
      const key = String(event.caseId)
      templateEvents.set(key, [...(templateEvents.get(key) ?? []), event])
    }
    const units = [new ObjectId(handlerUnit), ...Array.from({ length: 39 }, () => new ObjectId())]
    // Seeded: the same sequence every run.
    const random = mulberry32(18)
    let total = templates.length
    let eventTotal = await events.countDocuments()
    const copyIds: ObjectId[] = []
    for (const size of sizes) {
      const insertStarted = performance.now()
      while (total < size) {
        const caseBatch: Document[] = []
        const eventBatch: Document[] = []
        for (let i = 0; i < 1000 && total < size; i++, total++) {
          const template = templates[total % templates.length]!
          const id = new ObjectId()
          const open = (openStatuses as readonly string[]).includes(String(template.status))
          const delta = -Math.floor(random() * (open ? 14 : 365) * dayMs)
          const unit = units[total % units.length]!
          const copy: Document = {
            ...shifted(template, delta),
            _id: id,
            number: `MQB${String(total).padStart(8, '0')}`,
            clientId: `bench-${total}`,
          }
          // A case without a unit (still to be dispatched) stays so; the others move to a unit.
          if (template.unitId) {
            copy.unitId = unit
            if (Array.isArray(template.involvedUnitIds)) copy.involvedUnitIds = [unit]
          }
          caseBatch.push(copy)
          if (copyIds.length < 5000 || total % 97 === 0) copyIds.push(id)
          for (const event of templateEvents.get(String(template._id)) ?? []) {
            const { outboxSlot: _slot, ...rest } = event
            eventBatch.push({ ...shifted(rest, delta), _id: new ObjectId(), caseId: id })
          }
        }
        await cases.insertMany(caseBatch, { ordered: false })
        if (eventBatch.length) await events.insertMany(eventBatch, { ordered: false })
        eventTotal += eventBatch.length
      }
      const insertSeconds = Math.round((performance.now() - insertStarted) / 100) / 10
      const inboxOpen = await cases.countDocuments({ unitId: units[0], status: { $in: [...openStatuses] } })

      // A fresh server on this database: its first reads are cold, as after a restart.
      const server = await startServer(seeded.mongoUri, { LOG_LEVEL: 'error' }, { sameDatabase: true })
      try {
        const admin = {
          Authorization: `Bearer ${(await apiLogin(server.baseUrl, '13800000001')).accessToken}`,
        }
        const unitHandler = {
          Authorization: `Bearer ${(await apiLogin(server.baseUrl, '13800000003')).accessToken}`,
        }
        const timed = async (url: string, headers: Record<string, string>) => {
          const started = performance.now()
          const response = await fetch(url, { headers }).catch((error: unknown) => {
            // The server's last words, if it went away (a crash is a finding, not a bench error).
            console.error(server.output().slice(-3000))
            throw error
          })
          if (!response.ok) throw new Error(`${url} answered ${response.status}`)
          await response.arrayBuffer()
          return performance.now() - started
        }
        const detailMs: number[] = []
        const inboxMs: number[] = []
        for (let i = 0; i < requests; i++) {
          const id = copyIds[(i * 7919 + size) % copyIds.length]!
          detailMs.push(await timed(`${server.baseUrl}/api/v1/cases/${id.toHexString()}`, admin))
          inboxMs.push(await timed(`${server.baseUrl}/api/v1/cases?scope=inbox&pageSize=20`, unitHandler))
        }
        rows.push({
          cases: total,
          events: eventTotal,
          insertSeconds,
          detailP50Ms: percentile(detailMs, 50),
          detailP95Ms: percentile(detailMs, 95),
          inboxP50Ms: percentile(inboxMs, 50),
          inboxP95Ms: percentile(inboxMs, 95),
          inboxOpen,
        })
        console.log('[bench] case reads', rows.at(-1), 'load', os.loadavg()[0]!.toFixed(1))
      } finally {
        await server.stop()
      }
    }
    return rows
  } finally {
    await client.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'minqing-case-reads-'))
  chmodSync(dataDir, 0o711)
  const database = await startLocalDatabase({ dataDir, backend: backendFromEnv() ?? 'postgresql' })
  try {
    console.log(`[bench] case reads on ${database.kind}`)
    console.table(await benchCaseReads(database.uri))
  } finally {
    await database.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

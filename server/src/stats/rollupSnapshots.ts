import { chinaDate, rollupCounters } from '@minqing/shared'
import mongoose, { Schema, Types } from 'mongoose'
import { deflateSync, inflateSync } from 'node:zlib'

/**
 * The daily rollups persisted per month, so a starting instance reads a few dozen documents
 * instead of every daily row (issue 18: 45 s cold load at a million cases a year). A snapshot is
 * the rows of every day up to `throughDay`, in month chunks: the days' units and categories side
 * by side and their counters as one deflated Float64Array (most counters are 0). The days after
 * `throughDay` are read from the daily rows by equality on `day`, which FerretDB pushes down and
 * its GIN index serves.
 *
 * Why a snapshot stays true: rollups move on the day of the event that moves them, and writers
 * only write today (China time); a snapshot covers days at least two days before the newest day
 * in the data and before today. A write to an older day (an import, a test clock) marks every
 * snapshot invalid (`invalidated`), and so does a rebuild; the next load then reads every row and
 * writes a new snapshot. Chunks carry the snapshot's generation, so a half-written snapshot is
 * never read: the `meta` document that names the generation is written after its chunks.
 */
const snapshotSchema = new Schema(
  {
    _id: String,
    generation: String,
    // meta
    throughDay: String,
    snapshotAt: Date,
    chunks: { type: [String], default: undefined },
    counters: { type: [String], default: undefined },
    // chunks
    days: { type: [String], default: undefined },
    unitIds: { type: [String], default: undefined },
    categoryCodes: { type: [String], default: undefined },
    values: Buffer,
    // invalidated
    at: Date,
  },
  { collection: 'case_rollup_months', versionKey: false },
)
export const RollupSnapshotModel = mongoose.model('CaseRollupMonth', snapshotSchema)

const width = rollupCounters.length
/** Rows per chunk: ~1.5 MB of counters before compression, far under a document's 16 MB. */
const rowsPerChunk = 5_000
const dayMs = 86_400_000

export interface SnapshotRow {
  day: string
  unitId: string
  categoryCode: string
  /** `rollupCounters` order. */
  values: Float64Array
  offset: number
}

export interface LoadedSnapshot {
  throughDay: string
  snapshotAt: Date
  rows: Array<{ days: string[]; unitIds: string[]; categoryCodes: string[]; values: Float64Array }>
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10)

/** Today in China time, from the real clock: the day writers write. */
export const chinaToday = (now = Date.now()) => chinaDate(new Date(now)).format('YYYY-MM-DD')

/** The last day a snapshot taken now may cover, given the newest day in the data. */
export function stableThrough(latestDay: string, now = Date.now()): string {
  const today = chinaToday(now)
  return addDays(latestDay < today ? latestDay : today, -2)
}

/**
 * Whether a write to `day` falls outside what snapshots assume (today, give or take a day of
 * clock): an old day may be inside a snapshot, a day past tomorrow is not read after one. Then
 * every snapshot is marked invalid.
 */
export const touchesSnapshot = (day: string, now = Date.now()) => {
  const today = chinaToday(now)
  return day < addDays(today, -1) || day > addDays(today, 1)
}

/** Marks every snapshot invalid (a rebuild, a write to an old day). */
export async function invalidateRollupSnapshots(at = new Date()): Promise<void> {
  await RollupSnapshotModel.collection.replaceOne(
    { _id: 'invalidated' as unknown as Types.ObjectId },
    { at },
    { upsert: true },
  )
}

/** The valid snapshot, or null: none written, one invalidated since, or chunks missing. */
export async function readRollupSnapshot(): Promise<LoadedSnapshot | null> {
  const docs = new Map<string, Record<string, unknown>>()
  // One pass over a small collection (a few dozen documents): cheaper on either backend than a
  // lookup per chunk, and on SQLite a lookup by _id would decode the whole collection each time.
  for await (const doc of RollupSnapshotModel.collection.find({}))
    docs.set(String(doc._id), doc as Record<string, unknown>)
  const meta = docs.get('meta') as
    | { generation: string; throughDay: string; snapshotAt: Date; chunks: string[]; counters: string[] }
    | undefined
  if (!meta) return null
  const invalidated = docs.get('invalidated') as { at: Date } | undefined
  if (invalidated && invalidated.at >= meta.snapshotAt) return null
  if (meta.counters.join() !== rollupCounters.join()) return null
  const rows: LoadedSnapshot['rows'] = []
  for (const id of meta.chunks) {
    const chunk = docs.get(id) as
      | { generation: string; days: string[]; unitIds: string[]; categoryCodes: string[]; values: unknown }
      | undefined
    if (!chunk || chunk.generation !== meta.generation) return null
    const bytes = inflateSync(binaryBytes(chunk.values))
    rows.push({
      days: chunk.days,
      unitIds: chunk.unitIds,
      categoryCodes: chunk.categoryCodes,
      values: new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8),
    })
  }
  return { throughDay: meta.throughDay, snapshotAt: meta.snapshotAt, rows }
}

function binaryBytes(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value
  const binary = value as { buffer: Uint8Array }
  return Buffer.from(binary.buffer)
}

/**
 * Writes a snapshot of `rows` (every row of every day up to `throughDay`, from a load that began
 * at `snapshotAt`), then points `meta` at it and removes older generations.
 */
export async function writeRollupSnapshot(
  throughDay: string,
  snapshotAt: Date,
  rows: Iterable<SnapshotRow>,
): Promise<number> {
  const generation = new Types.ObjectId().toHexString()
  const collection = RollupSnapshotModel.collection
  const chunks: string[] = []
  let chunk: {
    days: string[]
    unitIds: string[]
    categoryCodes: string[]
    values: Float64Array
    size: number
  } = fresh()
  function fresh() {
    return {
      days: [],
      unitIds: [],
      categoryCodes: [],
      values: new Float64Array(rowsPerChunk * width),
      size: 0,
    }
  }
  const flush = async () => {
    if (!chunk.size) return
    const id = `chunk|${generation}|${chunks.length}`
    const values = chunk.values.subarray(0, chunk.size * width)
    await collection.insertOne({
      _id: id as unknown as Types.ObjectId,
      generation,
      days: chunk.days,
      unitIds: chunk.unitIds,
      categoryCodes: chunk.categoryCodes,
      values: deflateSync(Buffer.from(values.buffer, values.byteOffset, values.byteLength)),
    })
    chunks.push(id)
    chunk = fresh()
  }
  let count = 0
  for (const row of rows) {
    if (row.day > throughDay) continue
    chunk.days.push(row.day)
    chunk.unitIds.push(row.unitId)
    chunk.categoryCodes.push(row.categoryCode)
    chunk.values.set(row.values.subarray(row.offset, row.offset + width), chunk.size * width)
    chunk.size++
    count++
    if (chunk.size === rowsPerChunk) await flush()
  }
  await flush()
  await collection.replaceOne(
    { _id: 'meta' as unknown as Types.ObjectId },
    { generation, throughDay, snapshotAt, chunks, counters: [...rollupCounters] },
    { upsert: true },
  )
  // Older generations: by _id one at a time (FerretDB pushes no other filter down, and a
  // deleteMany over a large set fails there), listed from the ids alone.
  const old = await collection
    .find({ generation: { $exists: true } }, { projection: { _id: 1, generation: 1 } })
    .toArray()
  for (const doc of old)
    if (doc.generation !== generation) await collection.deleteOne({ _id: doc._id }).catch(() => undefined)
  return count
}

/** The days after a snapshot through tomorrow (a clock a little ahead), to read from the daily rows. */
export function daysAfter(throughDay: string, now = Date.now()): string[] {
  const last = addDays(chinaToday(now), 1)
  const days: string[] = []
  for (let day = addDays(throughDay, 1); day <= last; day = addDays(day, 1)) days.push(day)
  return days
}

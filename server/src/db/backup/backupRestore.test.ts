import mongoose from 'mongoose'
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { CaseEventModel } from '../../cases/caseEvent.model'
import { CaseModel } from '../../cases/case.model'
import { openImage, storeImage } from '../../files/gridfs'
import { VisitModel } from '../../visits/visit.model'
import { connectDatabase } from '../connect'
import { startLocalDatabase } from '../localDatabase'
import { backupDatabase } from './backupDatabase'
import { restoreDatabase } from './restoreDatabase'

const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-backup-'))
// PostgreSQL's own system user must pass through to the data directory inside (as under the project).
chmodSync(dir, 0o711)
const dataDir = path.join(dir, 'data')
const file = path.join(dir, 'backups', 'round-trip.pgdump')
const dbName = 'minqing'

afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function openEmbedded() {
  const database = await startLocalDatabase({ dataDir, backend: 'postgresql' })
  await mongoose.disconnect()
  await connectDatabase(database.uri, dbName)
  return database
}

const ids = (count: number) => Array.from({ length: count }, () => new mongoose.Types.ObjectId())

describe('npm run backup / npm run restore', () => {
  it('back up while running, wipe the data directory, restore: every case, event, visit and photo is back', async () => {
    const caseIds = ids(25)
    const visitIds = ids(10)
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .png()
      .toBuffer()

    let database = await openEmbedded()
    let stored: { id: string; thumbnailId: string }
    try {
      await CaseModel.collection.insertMany(
        caseIds.map((_id, i) => ({ _id, title: `诉求 ${i}`, status: 'submitted' })),
      )
      await CaseEventModel.collection.insertMany(
        caseIds.flatMap((caseId, i) =>
          [0, 1].map((n) => ({ _id: new mongoose.Types.ObjectId(), caseId, n, i })),
        ),
      )
      await VisitModel.collection.insertMany(visitIds.map((_id, i) => ({ _id, clientId: `v-${i}` })))
      stored = await storeImage(photo, String(new mongoose.Types.ObjectId()))
      // While the server is up: pg_dump's snapshot makes the backup consistent.
      const result = await backupDatabase({ dataDir, file })
      expect(result.bytes).toBeGreaterThan(0)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      // The running database is refused: FerretDB must not see its tables replaced.
      await expect(restoreDatabase({ dataDir, file })).rejects.toThrow(/stop the server/)
    } finally {
      await mongoose.disconnect()
      await database.stop()
    }

    rmSync(dataDir, { recursive: true, force: true })
    // Nothing to back up on a wiped machine: an error, not an empty backup.
    await expect(backupDatabase({ dataDir, file: `${file}.empty` })).rejects.toThrow(/no PostgreSQL cluster/)
    await restoreDatabase({ dataDir, file })
    expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true)

    database = await openEmbedded()
    try {
      const sortById = { _id: 1 } as const
      expect(
        (await CaseModel.collection.find({}).sort(sortById).toArray()).map((row) => [row._id, row.title]),
      ).toEqual(caseIds.map((id, i) => [id, `诉求 ${i}`]))
      expect(await CaseEventModel.collection.countDocuments({})).toBe(50)
      for (const caseId of caseIds.slice(0, 3))
        expect(await CaseEventModel.collection.countDocuments({ caseId })).toBe(2)
      expect((await VisitModel.collection.find({}).sort(sortById).toArray()).map((row) => row._id)).toEqual(
        visitIds,
      )
      const image = await openImage(stored.id)
      expect(image?.contentType).toBe('image/png')
      expect((await buffer(image!.stream)).equals(photo)).toBe(true)
      expect(await openImage(stored.id, 'thumbnail')).not.toBeNull()
    } finally {
      await mongoose.disconnect()
      await database.stop()
    }
  }, 180_000)
})

import mongoose, { Types } from 'mongoose'
import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { VisitModel, VisitRevisionModel } from '../visits/visit.model'
import { expireOrphanFiles } from './expireOrphans'
import { storeImage } from './gridfs'

const hour = 3600_000
const photo = () =>
  sharp(randomBytes(8 * 8 * 3), { raw: { width: 8, height: 8, channels: 3 } })
    .png()
    .toBuffer()
const files = () => mongoose.connection.db!.collection('photos.files')

describe('files nobody references', () => {
  it('are deleted with their thumbnails once older than ORPHAN_FILE_TTL_HOURS; referenced and young ones stay', async () => {
    const now = new Date('2026-03-10T09:00:00+08:00')
    const { deps } = testApp({ clock: manualClock(now), env: { ORPHAN_FILE_TTL_HOURS: '72' } })
    const owner = String(new Types.ObjectId())
    const store = async () => storeImage(await photo(), owner)
    const [onCase, onEvent, onVisit, onRevision, orphan, young] = await Promise.all(
      Array.from({ length: 6 }, store),
    )
    // Stored long ago, except the young one (two days old: a visit may still sync it).
    for (const file of [onCase, onEvent, onVisit, onRevision, orphan]) {
      await files().updateMany(
        { _id: { $in: [new Types.ObjectId(file!.id), new Types.ObjectId(file!.thumbnailId)] } },
        { $set: { uploadDate: new Date(now.getTime() - 100 * hour) } },
      )
    }
    await files().updateMany(
      { _id: { $in: [new Types.ObjectId(young!.id), new Types.ObjectId(young!.thumbnailId)] } },
      { $set: { uploadDate: new Date(now.getTime() - 48 * hour) } },
    )
    await CaseModel.collection.insertOne({ photos: [new Types.ObjectId(onCase!.id)] })
    await CaseEventModel.collection.insertOne({ attachments: [new Types.ObjectId(onEvent!.id)] })
    await VisitModel.collection.insertOne({ content: { photos: [onVisit!.id] } })
    await VisitRevisionModel.collection.insertOne({ content: { photos: [onRevision!.id] } })

    const result = await expireOrphanFiles(deps)
    expect(result).toEqual({ deleted: 1 })
    const left = new Set(
      (
        await files()
          .find({}, { projection: { _id: 1 } })
          .toArray()
      ).map((f) => String(f._id)),
    )
    for (const kept of [onCase, onEvent, onVisit, onRevision, young]) {
      expect(left.has(kept!.id)).toBe(true)
      expect(left.has(kept!.thumbnailId)).toBe(true)
    }
    expect(left.has(orphan!.id)).toBe(false)
    expect(left.has(orphan!.thumbnailId)).toBe(false)
    const chunks = await mongoose.connection.db!.collection('photos.chunks').countDocuments({
      files_id: { $in: [new Types.ObjectId(orphan!.id), new Types.ObjectId(orphan!.thumbnailId)] },
    })
    expect(chunks).toBe(0)

    // A second run finds nothing more to do; the young file goes once it is old enough.
    expect(await expireOrphanFiles(deps)).toEqual({ deleted: 0 })
    ;(deps.clock as ReturnType<typeof manualClock>).advance(25 * hour)
    expect(await expireOrphanFiles(deps)).toEqual({ deleted: 1 })
  })
})

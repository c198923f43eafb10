import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { manualClock, testApp } from '../../test/testApp'
import { expireUploads } from './expireUploads'
import { UploadChunkModel, UploadModel } from './upload.model'

const hour = 3600_000

describe('unfinished upload sessions', () => {
  it('are removed with their chunks after UPLOAD_SESSION_TTL_HOURS without activity', async () => {
    const now = new Date('2026-03-10T09:00:00+08:00')
    const { deps } = testApp({ clock: manualClock(now), env: { UPLOAD_SESSION_TTL_HOURS: '24' } })
    const userId = new Types.ObjectId()
    const stale = await UploadModel.create({ uploadedBy: userId, clientId: 'stale', size: 1000 })
    const active = await UploadModel.create({ uploadedBy: userId, clientId: 'active', size: 1000 })
    for (const upload of [stale, active])
      await UploadChunkModel.create({ uploadId: upload._id, offset: 0, data: Buffer.alloc(100) })
    // Last touched 25 h and 23 h before now (written directly: mongoose would stamp the real time).
    await UploadModel.collection.updateOne(
      { _id: stale._id },
      { $set: { updatedAt: new Date(now.getTime() - 25 * hour) } },
    )
    await UploadModel.collection.updateOne(
      { _id: active._id },
      { $set: { updatedAt: new Date(now.getTime() - 23 * hour) } },
    )

    expect(await expireUploads(deps)).toEqual({ sessions: 1 })
    expect(await UploadModel.exists({ _id: stale._id })).toBeNull()
    expect(await UploadChunkModel.countDocuments({ uploadId: stale._id })).toBe(0)
    expect(await UploadModel.exists({ _id: active._id })).not.toBeNull()
    expect(await UploadChunkModel.countDocuments({ uploadId: active._id })).toBe(1)
  })
})

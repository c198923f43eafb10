import mongoose, { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { manualClock, testApp } from '../../test/testApp'
import { enforceRateLimit } from '../rateLimit/rateLimit'
import { UploadModel } from '../uploads/upload.model'
import { housekeeping } from './housekeeping'
import { runOnce } from './scheduler'

const hour = 3600_000

describe('housekeeping job', () => {
  it('runs once per tick through the scheduler and removes idle uploads and ended rate windows', async () => {
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { deps } = testApp({ clock })
    const upload = await UploadModel.create({ uploadedBy: new Types.ObjectId(), clientId: 'idle', size: 10 })
    await UploadModel.collection.updateOne(
      { _id: upload._id },
      { $set: { updatedAt: new Date(clock.now().getTime() - 49 * hour) } },
    )
    await enforceRateLimit({ key: 'test:ended', max: 5, windowSeconds: 60 }, clock.now())
    clock.advance(2 * 60_000) // that window has ended
    await enforceRateLimit({ key: 'test:current', max: 5, windowSeconds: 3600 }, clock.now())
    const job = { name: 'housekeeping', everyMs: hour, run: housekeeping }

    expect(await runOnce(deps, job)).toBe(true)
    expect(await runOnce(deps, job)).toBe(false) // this tick is claimed
    const run = await mongoose.connection.db!.collection('job_runs').findOne({ job: 'housekeeping' })
    expect(run?.result).toMatchObject({ uploadSessions: 1, rateCounters: 1 })
    expect(await UploadModel.exists({ _id: upload._id })).toBeNull()
    const counters = await mongoose.connection.db!.collection('rate_counters').find({}).toArray()
    expect(counters.map((counter) => String(counter._id))).toEqual([expect.stringMatching(/^test:current:/)])
  })
})

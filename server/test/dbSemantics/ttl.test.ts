import { describe, expect, it } from 'vitest'
import mongoose from 'mongoose'
import '../../src/models'
// What main.ts loads besides: the upload and job-run models come with the app and the scheduler.
import '../../src/app'
import '../../src/scheduler/scheduler'
import { declaredExpiries, ensureTtlIndexes } from '../../src/db/expiry'
import { expireRateCounters } from '../../src/rateLimit/rateLimit'
import { enforceRateLimit } from '../../src/rateLimit/rateLimit'
import { collection, onMongodb } from './helpers'

const ttlOf = async (name: string) =>
  (await mongoose.connection.db!.collection(name).indexes()).find((index) => index.name?.startsWith('ttl_'))
    ?.expireAfterSeconds

describe('expiry', () => {
  it('is declared for claims, rate counters, upload sessions and chunks, and job runs', () => {
    expect(declaredExpiries({ UPLOAD_SESSION_TTL_HOURS: 48 })).toEqual({
      'claims.at': 90 * 24 * 3600,
      'rate_counters.windowEndsAt': 0,
      'uploads.updatedAt': 48 * 3600,
      'uploadchunks.at': 96 * 3600,
      'job_runs.startedAt': 30 * 24 * 3600,
    })
  })

  it('MongoDB gets TTL indexes for claims, rate counters, upload sessions and chunks, job runs; FerretDB none', async () => {
    const created = await ensureTtlIndexes({ UPLOAD_SESSION_TTL_HOURS: 48 })
    if (onMongodb()) {
      expect(created.sort()).toEqual([
        'claims.ttl_at',
        'job_runs.ttl_startedAt',
        'rate_counters.ttl_windowEndsAt',
        'uploadchunks.ttl_at',
        'uploads.ttl_updatedAt',
      ])
      expect(await ttlOf('rate_counters')).toBe(0)
      expect(await ttlOf('uploads')).toBe(48 * 3600)
      expect(await ttlOf('claims')).toBe(90 * 24 * 3600)
      // In step: a second run changes nothing.
      expect(await ensureTtlIndexes({ UPLOAD_SESSION_TTL_HOURS: 48 })).toEqual([])
    } else {
      expect(created).toEqual([])
      // What FerretDB v1 says to a TTL index: the reason the housekeeping jobs exist.
      await expect(collection('ttl_probe').createIndex({ at: 1 }, { expireAfterSeconds: 5 })).rejects.toThrow(
        /expireAfterSeconds/,
      )
    }
  })

  it('ended rate windows are removed by housekeeping on every server', async () => {
    await enforceRateLimit({ key: 'ttl-limit', max: 5, windowSeconds: 60 }, new Date('2026-01-01T00:00:00Z'))
    expect(await expireRateCounters(new Date('2026-01-01T00:02:00Z'))).toEqual({ counters: 1 })
  })
})

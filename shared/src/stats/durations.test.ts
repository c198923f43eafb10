import { describe, expect, it } from 'vitest'
import { durationBucket, durationBucketHours, medianHours } from './durations'
import { emptyCounts, medianDurations, rollupContributions } from './rates'

describe('duration histograms', () => {
  it('puts a duration in the first bucket whose upper bound holds it', () => {
    expect(durationBucket(0)).toBe(0)
    expect(durationBucket(1)).toBe(0)
    expect(durationBucket(1.01)).toBe(1)
    expect(durationBucket(24)).toBe(4)
    expect(durationBucket(721)).toBe(durationBucketHours.length)
  })

  it('reads the median off a histogram by interpolating inside its bucket', () => {
    expect(medianHours([])).toBeNull()
    expect(medianHours(new Array(12).fill(0))).toBeNull()
    // 4 cases in (8, 24]: the median is half way through that bucket.
    expect(medianHours([0, 0, 0, 0, 4])).toBe(16)
    // 1 in [0,1], 1 in (1,2], 2 in (4,8]: half = 2 is reached at the end of (1,2].
    expect(medianHours([1, 1, 0, 2])).toBe(2)
    // 3 in the open bucket and 1 short: the median says "more than 720 hours".
    expect(medianHours([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3])).toBe(720)
  })

  it('counts time to accept from receipt and time to resolve from submission', () => {
    const facts = {
      unitId: 'u1',
      categoryCode: 'roads',
      receivedAt: new Date('2026-03-02T00:00:00Z'),
      submittedAt: new Date('2026-03-01T00:00:00Z'),
    }
    const accept = rollupContributions({
      action: 'accept',
      at: new Date('2026-03-02T03:00:00Z'),
      to: 'accepted',
      data: { facts },
    })
    expect(accept[0]!.counts).toMatchObject({ accepted: 1, acceptH2: 1 })
    const resolve = rollupContributions({
      action: 'resolve',
      at: new Date('2026-03-04T00:00:00Z'),
      to: 'resolved',
      data: { facts },
    })
    expect(resolve[0]!.counts).toMatchObject({ resolved: 1, resolveH6: 1 })
    const counts = { ...emptyCounts(), acceptH2: 3, acceptH3: 1, resolveH6: 2 }
    expect(medianDurations(counts)).toEqual({ medianAcceptHours: 3.3, medianResolveHours: 60 })
  })
})

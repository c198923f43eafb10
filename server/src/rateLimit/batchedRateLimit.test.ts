import mongoose from 'mongoose'
import { beforeEach, describe, expect, it } from 'vitest'
import { enforceBatchedRateLimit, flushRateCounters, forgetRateCounters } from './batchedRateLimit'

const counters = () => mongoose.connection.collection('rate_counters')
const now = new Date('2026-03-02T09:30:00+08:00')
const windowStart = Math.floor(now.getTime() / 3_600_000) * 3_600_000
const attempt = (key: string, max: number) =>
  enforceBatchedRateLimit({ key, max, windowSeconds: 3600 }, now).then(
    () => 'allowed',
    (error: { code?: string }) => error.code,
  )

describe('rate limits counted in memory and written back', () => {
  beforeEach(() => forgetRateCounters())

  it('sends nothing to the database far from the limit, and writes the count back on the flush', async () => {
    for (let i = 0; i < 4; i++) expect(await attempt('wb:quiet', 10)).toBe('allowed')
    expect(await counters().findOne({ _id: `wb:quiet:${windowStart}` as never })).toBeNull()
    expect(await flushRateCounters(now)).toEqual({ written: 1 })
    expect(await counters().findOne({ _id: `wb:quiet:${windowStart}` as never })).toMatchObject({ count: 4 })
    // A restart forgets the memory but not the shared count: the limit still holds.
    forgetRateCounters()
    const answers = []
    for (let i = 0; i < 8; i++) answers.push(await attempt('wb:quiet', 10))
    expect(answers).toEqual([...Array(6).fill('allowed'), 'RATE_LIMITED', 'RATE_LIMITED'])
    await flushRateCounters(now)
    expect(await counters().findOne({ _id: `wb:quiet:${windowStart}` as never })).toMatchObject({ count: 10 })
  })

  it('near the limit asks the shared count, so what other instances allowed counts too', async () => {
    // Another instance has written back 3 of a limit of 10: this one may allow the other 7.
    const id = `wb:shared:${windowStart}`
    const windowEndsAt = new Date(windowStart + 3_600_000)
    await counters().insertOne({ _id: id as never, count: 3, windowEndsAt })
    const answers = []
    for (let i = 0; i < 9; i++) answers.push(await attempt('wb:shared', 10))
    expect(answers).toEqual([...Array(7).fill('allowed'), 'RATE_LIMITED', 'RATE_LIMITED'])
    await flushRateCounters(now)
    expect(await counters().findOne({ _id: id as never })).toMatchObject({ count: 10 })
  })

  it('learns the shared count at each write-back, so a busy counter elsewhere is checked at once', async () => {
    const id = `wb:busy:${windowStart}`
    const windowEndsAt = new Date(windowStart + 3_600_000)
    await counters().insertOne({ _id: id as never, count: 0, windowEndsAt })
    expect(await attempt('wb:busy', 10)).toBe('allowed')
    await counters().updateOne({ _id: id as never }, { $inc: { count: 7 } }) // the other instances
    await flushRateCounters(now) // the periodic write-back: 8 in all now
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await attempt('wb:busy', 10))
    expect(answers).toEqual(['allowed', 'allowed', 'RATE_LIMITED', 'RATE_LIMITED'])
  })

  it('allows exactly max of many concurrent attempts in one instance', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => attempt('wb:burst', 5)))
    expect(answers.filter((answer) => answer === 'allowed')).toHaveLength(5)
    await flushRateCounters(now)
    expect(await counters().findOne({ _id: `wb:burst:${windowStart}` as never })).toMatchObject({ count: 5 })
  })
})

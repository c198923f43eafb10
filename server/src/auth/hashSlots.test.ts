import { describe, expect, it } from 'vitest'
import { createSlots } from './hashSlots'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

describe('scrypt slots', () => {
  it('runs at most `concurrency` tasks, queues up to `queue`, and refuses the rest at once with 503', async () => {
    const slots = createSlots({ concurrency: 1, queue: 1 })
    const first = deferred()
    const second = deferred()
    const order: string[] = []
    const running = slots.tryRun(async () => {
      order.push('first')
      await first.promise
    })
    const queued = slots.tryRun(async () => {
      order.push('second')
      await second.promise
    })
    expect(slots.busy).toEqual({ active: 1, waiting: 1 })
    await expect(slots.tryRun(async () => undefined)).rejects.toMatchObject({
      code: 'SERVER_BUSY',
      status: 503,
      details: { retryAfterSeconds: 1 },
    })
    // Account writes wait instead of being refused.
    const waiting = slots.run(async () => order.push('write'))
    first.resolve()
    await running
    second.resolve()
    await queued
    await waiting
    expect(order).toEqual(['first', 'second', 'write'])
    expect(slots.busy).toEqual({ active: 0, waiting: 0 })
  })
})

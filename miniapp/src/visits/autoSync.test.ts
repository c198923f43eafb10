import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAutoSync } from './autoSync'

/** A phone whose network is down until `online()`; each sync sends everything when it is up. */
function phone(waitingAtStart: number, knowsItsNetwork = false) {
  let waiting = waitingAtStart
  let up = false
  const sync = vi.fn(async () => {
    if (up) waiting = 0
  })
  const auto = createAutoSync({
    sync,
    waiting: () => waiting,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    delays: [2_000, 4_000, 8_000],
    ...(knowsItsNetwork ? { isOnline: () => up } : {}),
  })
  return {
    auto,
    sync,
    online: () => (up = true),
    save: () => waiting++,
    get waiting() {
      return waiting
    },
  }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('automatic sync', () => {
  it('keeps retrying with growing pauses while visits wait, and sends them without any tap once the network is back', async () => {
    const device = phone(1)
    await device.auto.kick()
    expect(device.sync).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(device.sync).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(device.sync).toHaveBeenCalledTimes(2) // after 2 s
    await vi.advanceTimersByTimeAsync(4_000)
    expect(device.sync).toHaveBeenCalledTimes(3) // then 4 s
    await vi.advanceTimersByTimeAsync(8_000)
    expect(device.sync).toHaveBeenCalledTimes(4) // then 8 s
    await vi.advanceTimersByTimeAsync(8_000)
    expect(device.sync).toHaveBeenCalledTimes(5) // and every 8 s from then on, not faster

    // The network returns but no event says so (a flaky village signal): the next retry sends it.
    device.online()
    await vi.advanceTimersByTimeAsync(8_000)
    expect(device.sync).toHaveBeenCalledTimes(6)
    expect(device.waiting).toBe(0)
    // Nothing waits: no timer keeps the phone busy.
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a network event or a new saved visit tries at once and starts the pauses again from the shortest', async () => {
    const device = phone(1)
    await device.auto.kick()
    await vi.advanceTimersByTimeAsync(2_000 + 4_000 + 8_000)
    expect(device.sync).toHaveBeenCalledTimes(4)
    await device.auto.kick() // e.g. the browser's `online` event
    expect(device.sync).toHaveBeenCalledTimes(5)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(device.sync).toHaveBeenCalledTimes(6)
    expect(vi.getTimerCount()).toBe(1) // one retry pending, never a pile of them
  })

  it('does not run at all when nothing waits, and a failing sync call still leaves a retry planned', async () => {
    const idle = phone(0)
    await idle.auto.kick()
    expect(vi.getTimerCount()).toBe(0)

    const broken = phone(1)
    broken.sync.mockRejectedValueOnce(new Error('storage full'))
    await broken.auto.kick()
    expect(vi.getTimerCount()).toBe(1)
    broken.online()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(broken.waiting).toBe(0)
  })

  it('does not try while the phone says it is offline, and still goes on retrying until it is back', async () => {
    const device = phone(2, true)
    await device.auto.kick()
    await vi.advanceTimersByTimeAsync(2_000 + 4_000)
    expect(device.sync).not.toHaveBeenCalled() // no pointless requests (nor 同步中 flicker) offline
    expect(vi.getTimerCount()).toBe(1)
    device.online()
    await vi.advanceTimersByTimeAsync(8_000)
    expect(device.sync).toHaveBeenCalledTimes(1)
    expect(device.waiting).toBe(0)
  })
})

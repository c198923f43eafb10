import { AppError } from '@minqing/shared'

/**
 * A bound on concurrent scrypt work. scrypt runs on libuv's small thread pool (4 threads), which
 * file reads and DNS share: a burst of logins would queue every other request behind it (16
 * connections slowed a real login from 0.6 s to 10 s). Logins use `tryRun` and are refused with
 * 503 SERVER_BUSY when the queue is full; hashing for account writes (`run`) always waits.
 */
export function createSlots(limits: { concurrency: number; queue: number }) {
  let active = 0
  const waiting: Array<() => void> = []

  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else active--
  }
  const acquire = () =>
    active < limits.concurrency
      ? (active++, Promise.resolve())
      : new Promise<void>((resolve) => waiting.push(resolve))

  async function run<T>(task: () => Promise<T>): Promise<T> {
    await acquire()
    try {
      return await task()
    } finally {
      release()
    }
  }

  const full = () => active >= limits.concurrency && waiting.length >= limits.queue
  const busyError = () => new AppError('SERVER_BUSY', { details: { retryAfterSeconds: 1 } })

  return {
    run,
    tryRun<T>(task: () => Promise<T>): Promise<T> {
      return full() ? Promise.reject(busyError()) : run(task)
    },
    /** Refuses early, before a login spends one of the account's attempts on a check it cannot run. */
    refuseIfFull(): void {
      if (full()) throw busyError()
    },
    configure(next: { concurrency: number; queue: number }) {
      limits = next
    },
    get busy() {
      return { active, waiting: waiting.length }
    },
  }
}

/** Process-wide, like the thread pool it protects; sized from config at start-up. */
export const hashSlots = createSlots({ concurrency: 2, queue: 16 })

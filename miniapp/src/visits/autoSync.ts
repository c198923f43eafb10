/**
 * When the phone sends its visit queue without anyone tapping 立即同步: at once when the network
 * comes back or a visit is saved (`kick`), and then, while visits still wait, again after growing
 * pauses (a village signal comes and goes without the browser always saying so). Pure scheduling:
 * the caller brings the sync itself and the timers, so it is tested with fake ones.
 */
export function createAutoSync(options: {
  sync: () => Promise<unknown>
  /** Visits still to send (failed ones wait for the worker to fix them). */
  waiting: () => number
  setTimer: (run: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
  /** False when the phone knows it has no network: the retry then waits without trying. */
  isOnline?: () => boolean
  /** Pauses between retries; the last one repeats. */
  delays?: readonly number[]
  onError?: (error: unknown) => void
}) {
  const delays = options.delays ?? [2_000, 5_000, 15_000, 30_000, 60_000]
  let attempt = 0
  let timer: unknown = null

  function cancel() {
    if (timer !== null) options.clearTimer(timer)
    timer = null
  }

  async function run(): Promise<void> {
    cancel()
    if (options.waiting() > 0 && (options.isOnline?.() ?? true)) {
      try {
        await options.sync()
      } catch (error) {
        // The queue is saved step by step: a failed run loses nothing, the next retry goes on.
        options.onError?.(error)
      }
    }
    cancel()
    if (options.waiting() === 0) {
      attempt = 0
      return
    }
    const delay = delays[Math.min(attempt, delays.length - 1)]!
    attempt++
    timer = options.setTimer(() => void run(), delay)
  }

  return {
    /** Try now and start the pauses again from the shortest. */
    kick(): Promise<void> {
      attempt = 0
      return run()
    },
    stop: cancel,
  }
}

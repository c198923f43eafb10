import { AppError } from '@minqing/shared'
import { forgetOnReset } from '../processState/processState'
import { addToRateCounter, type RateLimit } from './rateLimit'

/**
 * A window's count as this instance knows it: `known` is the shared count the database returned
 * at the last write-back (every instance's), `pending` what this instance allowed since.
 */
interface LocalCounter {
  id: string
  known: number
  pending: number
  windowEndsAt: Date
  /** The write-back in flight, so two of one counter never overlap in this process. */
  flushing?: Promise<void>
}

const counters = new Map<string, LocalCounter>()
forgetOnReset(async () => {
  await Promise.allSettled([...counters.values()].map((counter) => counter.flushing))
  counters.clear()
})

/**
 * A fixed-window limit counted in memory and written back to the shared counter in the database
 * (`flushRateCounters`, every few seconds), so a submission far from its limit costs no database
 * command. Near the limit — once the count would pass half of `max` — the counter is written back
 * and the shared count decides before the answer, so several instances together still allow at
 * most `max` (plus what the others allowed since their last write-back, at most their slack).
 * For the limits that guard volume (case submissions), not secrets: SMS codes and lookups keep
 * `enforceRateLimit`, which asks the database every time.
 */
export async function enforceBatchedRateLimit(limit: RateLimit, now: Date): Promise<void> {
  const windowMs = limit.windowSeconds * 1000
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs
  const id = `${limit.key}:${windowStart}`
  let counter = counters.get(id)
  if (!counter) {
    counter = { id, known: 0, pending: 0, windowEndsAt: new Date(windowStart + windowMs) }
    counters.set(id, counter)
  }
  counter.pending++
  if (counter.known + counter.pending > limit.max / 2) await flushCounter(counter)
  if (counter.known + counter.pending > limit.max) {
    // Refused attempts do not use up the budget.
    counter.pending--
    throw new AppError('RATE_LIMITED', {
      details: {
        retryAfterSeconds: Math.ceil((counter.windowEndsAt.getTime() - now.getTime()) / 1000),
        max: limit.max,
        windowSeconds: limit.windowSeconds,
      },
    })
  }
}

/** Gives back one allowed attempt (a retry of a submission that had been accepted already). */
export function releaseBatchedRateLimit(limit: RateLimit, now: Date): void {
  const windowMs = limit.windowSeconds * 1000
  const counter = counters.get(`${limit.key}:${Math.floor(now.getTime() / windowMs) * windowMs}`)
  if (counter) counter.pending--
}

/**
 * Adds what this instance counted to the shared counter and learns the shared total. A refused
 * attempt that was already written back is taken off again at the next write-back (`pending`
 * goes negative), so the shared count stays the number of allowed attempts.
 */
async function flushCounter(counter: LocalCounter): Promise<void> {
  while (counter.flushing) await counter.flushing
  const delta = counter.pending
  counter.flushing = addToRateCounter(counter.id, delta, counter.windowEndsAt)
    .then((total) => {
      counter.pending -= delta
      counter.known = total
    })
    .finally(() => {
      counter.flushing = undefined
    })
  await counter.flushing
}

/** Writes every counter's pending count back; drops counters whose window has ended. */
export async function flushRateCounters(now = new Date()): Promise<{ written: number }> {
  let written = 0
  for (const counter of [...counters.values()]) {
    if (counter.pending !== 0) {
      await flushCounter(counter)
      written++
    }
    if (counter.windowEndsAt <= now && counter.pending === 0) counters.delete(counter.id)
  }
  return { written }
}

/** Starts the periodic write-back; returns a function that stops it after a last write-back. */
export function startRateCounterWriteBack(
  everyMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  const timer = setInterval(() => void flushRateCounters().catch(onError), everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await flushRateCounters().catch(onError)
  }
}

/** Forgets the in-memory counts, as a restart would (tests). */
export function forgetRateCounters(): void {
  counters.clear()
}

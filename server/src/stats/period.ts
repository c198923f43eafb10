import { AppError } from '@minqing/shared'
import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * The longest period a statistics request may cover. A year and a month covers every report
 * people ask for (a year against the same month last year); longer periods only make one request
 * hold the server for seconds.
 */
export const maxPeriodDays = 400

const dayMs = 86_400_000

/** Throws 400 STATS_PERIOD_TOO_LONG when from → to spans more than `maxPeriodDays` days (24 h each). */
export function capPeriod(from: Date, to: Date): void {
  const days = Math.ceil((to.getTime() - from.getTime()) / dayMs)
  if (days > maxPeriodDays)
    throw new AppError('STATS_PERIOD_TOO_LONG', { details: { maxDays: maxPeriodDays, days } })
}

/** The same for whole days "YYYY-MM-DD" (both included). */
export function capDayPeriod(period: { from: string; to: string }): void {
  const days = (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / dayMs + 1
  if (days > maxPeriodDays)
    throw new AppError('STATS_PERIOD_TOO_LONG', { details: { maxDays: maxPeriodDays, days } })
}

/**
 * Lets other requests run: summing a long period is CPU work in one request, so it gives the
 * event loop a turn between chunks (after pending I/O callbacks, via setImmediate).
 */
export const yieldToLoop = (): Promise<void> => nextTurn()

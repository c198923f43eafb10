import type { AppDeps } from '../http/deps'
import { projectRollups } from '../stats/rollupProjection'

let timer: NodeJS.Timeout | undefined

/**
 * Runs the background projections a few seconds after a submission, once for all submissions
 * in that time (readers of the rollups run them first anyway; the scheduled job catches up
 * what a stopped instance left). Failures are logged; the next run takes the same events again.
 */
export function scheduleEventProjections(deps: Pick<AppDeps, 'logger' | 'config'>): void {
  const gatherMs = deps.config.EVENT_PROJECTION_GATHER_MS
  if (timer || gatherMs === 0) return
  timer = setTimeout(() => {
    timer = undefined
    runEventProjections().catch((error: unknown) =>
      deps.logger.error({ err: error }, 'background rollups failed; the next run retries them'),
    )
  }, gatherMs)
  timer.unref()
}

/** Every projection of the outbox events, in turn (the scheduled job). */
export async function runEventProjections(): Promise<{ rollups: number }> {
  const rollups = await projectRollups()
  return { rollups: rollups.events }
}

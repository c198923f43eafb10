import { runInBackground } from '../db/backgroundWork'
import type { AppDeps } from '../http/deps'
import { forgetOnReset } from '../processState/processState'
import { projectRollups } from '../stats/rollupProjection'
import { projectSubmitFollowUps } from './submitFollowUp'

let timer: NodeJS.Timeout | undefined
/** Whether a submission stored events since the last run began (tests settle only then). */
let pending = false
forgetOnReset(() => {
  clearTimeout(timer)
  timer = undefined
  pending = false
})

/**
 * Runs the background projections shortly after a submission, once for all submissions in that
 * time (readers of the rollups run theirs first anyway; the scheduled job catches up what a
 * stopped instance left). Failures are logged; the next run takes the same events again.
 */
export function scheduleEventProjections(deps: AppDeps): void {
  pending = true
  const gatherMs = deps.config.EVENT_PROJECTION_GATHER_MS
  if (timer || gatherMs === 0) return
  timer = setTimeout(() => {
    timer = undefined
    runEventProjections(deps).catch((error: unknown) =>
      deps.logger.error({ err: error }, 'background projections failed; the next run retries them'),
    )
  }, gatherMs)
  timer.unref()
}

/**
 * Every projection of the outbox events, in turn (the scheduled job, the timer above, and tests
 * that wait for what a submission leads to). The follow-ups go first: the resident waits on the
 * first reply, the dashboards' readers bring the rollups up to date themselves.
 */
export function runEventProjections(deps: AppDeps): Promise<{ followUps: number; rollups: number }> {
  pending = false
  return runInBackground(async () => {
    const followUps = await projectSubmitFollowUps(deps)
    const rollups = await projectRollups()
    return { followUps: followUps.events, rollups: rollups.events }
  })
}

/** True once per batch of submissions not yet projected (the test harness settles on it). */
export function takePendingProjections(): boolean {
  const was = pending
  pending = false
  return was
}

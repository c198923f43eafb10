import type { AppDeps } from '../http/deps'
import { instanceId, type Job } from '../scheduler/scheduler'
import { currentDispatchModel, trainNow } from './modelStore'
import { correctionsSince } from './trainingSamples'

/** A dispatcher's corrections since the last training that make it worth training again. */
export const retrainAfterCorrections = 20

/**
 * Retrains when enough corrections have accumulated, or when this instance has no model yet
 * (after a restart). Each instance holds its own model in memory, so the job is claimed per
 * instance (its name carries the instance id), not once for the whole cluster.
 */
export async function retrainIfCorrected(deps: AppDeps) {
  const trained = currentDispatchModel()
  const corrections = await correctionsSince(trained?.trainedAt ?? null)
  if (trained && corrections < retrainAfterCorrections) return { retrained: false, corrections }
  const { report } = await trainNow(deps, 'schedule')
  return { retrained: true, corrections, samples: report.samples }
}

export const dispatchRetrainJob: Job = {
  name: `dispatchRetrain:${instanceId}`,
  everyMs: 10 * 60_000,
  run: retrainIfCorrected,
}

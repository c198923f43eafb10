import type { AppDeps } from '../http/deps'
import { forgetOnReset } from '../processState/processState'
import { DispatchRunModel } from './dispatchRun.model'
import { trainDispatchModelYielding, type DispatchModel, type TrainReport } from './dispatchModel'
import { loadTrainingSamples } from './trainingSamples'

interface Trained {
  model: DispatchModel
  report: TrainReport
  trainedAt: Date
}

let current: Trained | null = null
let training: Promise<Trained> | null = null
forgetOnReset(async () => {
  await training?.catch(() => undefined)
  current = null
  training = null
})

/** The model this instance routes and suggests with; null until one was trained. */
export function currentDispatchModel(): Trained | null {
  return current
}

/** Forgets the model (tests start from nothing). */
export function resetDispatchModel(): void {
  current = null
}

/**
 * Trains on the settled and corrected cases now and makes the result current. Concurrent calls
 * share one training: it is CPU-bound, and two would only race to the same answer.
 */
export function trainNow(deps: AppDeps, trigger: 'admin' | 'schedule' | 'startup'): Promise<Trained> {
  training ??= (async () => {
    const started = performance.now()
    const samples = await loadTrainingSamples()
    // In steps of a few milliseconds: suggestions and submissions are answered during a training.
    const { model, report } = await trainDispatchModelYielding(samples)
    const trainedAt = deps.clock.now()
    await DispatchRunModel.create({
      trainedAt,
      trigger,
      ...report,
      autoThreshold: Number.isFinite(report.autoThreshold) ? report.autoThreshold : null,
      durationMs: Math.round(performance.now() - started),
    })
    // Counts and figures only: the training texts hold personal data and never go to the log.
    deps.logger.info(
      { samples: report.samples, top1: report.top1, autoCoverage: report.autoCoverage, trigger },
      'dispatch model trained',
    )
    current = { model, report, trainedAt }
    return current
  })().finally(() => {
    training = null
  })
  return training
}

/** The current model, training one first when this instance has none yet. */
export async function ensureDispatchModel(deps: AppDeps): Promise<Trained> {
  return current ?? (await trainNow(deps, 'startup'))
}

import { randomBytes } from 'node:crypto'
import type { AppDeps } from '../http/deps'
import { JobRunModel } from './jobRun.model'
import { isDuplicateKey } from '../db/duplicateKey'
import { recordJobRun } from '../metrics/jobMetrics'

export interface Job {
  name: string
  everyMs: number
  run(deps: AppDeps): Promise<unknown>
}

/** This process, in the job log. */
export const instanceId = `${process.pid}-${randomBytes(3).toString('hex')}`

/**
 * Runs a job for the tick `now` falls in, unless another instance already claimed that tick.
 * Returns whether this instance ran it.
 */
export async function runOnce(deps: AppDeps, job: Job, now = deps.clock.now()): Promise<boolean> {
  const tick = Math.floor(now.getTime() / job.everyMs)
  try {
    await JobRunModel.create({
      _id: `${job.name}|${tick}`,
      job: job.name,
      tick,
      instance: instanceId,
      startedAt: now,
    })
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000
  try {
    const result = await job.run(deps)
    recordJobRun(job.name, 'ok', seconds())
    await JobRunModel.updateOne(
      { _id: `${job.name}|${tick}` },
      { $set: { finishedAt: deps.clock.now(), result } },
    )
  } catch (error) {
    recordJobRun(job.name, 'failed', seconds())
    deps.logger.error({ err: error, job: job.name }, 'job failed')
    await JobRunModel.updateOne(
      { _id: `${job.name}|${tick}` },
      {
        $set: { finishedAt: deps.clock.now(), error: error instanceof Error ? error.message : String(error) },
      },
    ).catch(() => undefined)
  }
  return true
}

/** Starts every job on its own interval; returns a function that stops them all. */
export function startScheduler(deps: AppDeps, jobs: readonly Job[]): () => void {
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      runOnce(deps, job).catch((error: unknown) =>
        deps.logger.error({ err: error, job: job.name }, 'job claim failed'),
      )
    }, job.everyMs)
    timer.unref()
    return timer
  })
  return () => timers.forEach((timer) => clearInterval(timer))
}

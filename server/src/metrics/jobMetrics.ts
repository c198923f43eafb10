import { Counter, Histogram } from 'prom-client'
import { metricsRegistry } from './registry'

const runs = new Counter({
  name: 'minqing_job_runs_total',
  help: 'Scheduled job runs on this instance, by job and outcome (ok, failed)',
  labelNames: ['job', 'outcome'] as const,
  registers: [metricsRegistry],
})

const duration = new Histogram({
  name: 'minqing_job_duration_seconds',
  help: 'Time a scheduled job run took, by job',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
})

/** One run of a job this instance claimed (ticks another instance claimed are not counted). */
export function recordJobRun(job: string, outcome: 'ok' | 'failed', seconds: number): void {
  runs.inc({ job, outcome })
  duration.observe({ job }, seconds)
}

import { Counter } from 'prom-client'
import { metricsRegistry } from '../metrics/registry'

/**
 * Marks work done off the request path (the background projections), so the database commands
 * and the CPU it costs are counted apart from the requests': issue 18 budgets a submission's
 * request path (≤ 3 commands, ≤ 5 ms CPU) and the bench reads both from /metrics.
 *
 * A command counts as background while a background step runs, like the CPU counter: whatever
 * runs concurrently is included. Not an AsyncLocalStorage: on Node 20 its first use installs
 * promise hooks for the whole process, so every promise of every request paid for them (in a
 * CPU profile of the submissions, the hooks' frames and most of the garbage collection went away
 * without it), to attribute a metric.
 */
let activeRuns = 0

const backgroundCommands = new Counter({
  name: 'minqing_db_background_commands_total',
  help: 'Database commands sent while a background step ran (also counted in minqing_db_commands_total; includes anything concurrent)',
  registers: [metricsRegistry],
})
const backgroundCpu = new Counter({
  name: 'minqing_background_cpu_seconds_total',
  help: 'Process CPU while a background step ran (user + system; includes anything concurrent)',
  registers: [metricsRegistry],
})

export const inBackground = () => activeRuns > 0

/** Runs `work` as background work: the commands and CPU while it runs are counted apart. */
export async function runInBackground<T>(work: () => Promise<T>): Promise<T> {
  const before = process.cpuUsage()
  activeRuns++
  try {
    return await work()
  } finally {
    activeRuns--
    const used = process.cpuUsage(before)
    backgroundCpu.inc((used.user + used.system) / 1e6)
  }
}

/** Called for every command the driver starts (db/connect.ts). */
export function countCommand(): void {
  if (inBackground()) backgroundCommands.inc()
}

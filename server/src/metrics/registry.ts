import { collectDefaultMetrics, Registry } from 'prom-client'
import { forgetOnReset } from '../processState/processState'

/**
 * The one Prometheus registry of this process: HTTP, queues, jobs, the database pool, and
 * prom-client's process metrics (CPU, memory, event-loop lag). Never holds personal data: labels
 * are route patterns, statuses, job and collection names.
 */
export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry, prefix: 'minqing_' })
forgetOnReset(() => metricsRegistry.resetMetrics())

import type { Middleware } from 'koa'
import { Counter, Gauge, Histogram } from 'prom-client'
import { routeLabel } from '../http/routeLabel'
import { metricsRegistry } from './registry'

const labelNames = ['method', 'route', 'status'] as const

const requests = new Counter({
  name: 'minqing_http_requests_total',
  help: 'HTTP requests answered, by route pattern and status',
  labelNames,
  registers: [metricsRegistry],
})

const duration = new Histogram({
  name: 'minqing_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern and status',
  labelNames,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
})

// Requests being answered: a visit-sync batch or an upload in flight shows up here by its route.
const inFlight = new Gauge({
  name: 'minqing_http_requests_in_flight',
  help: 'HTTP requests being answered right now, by method',
  labelNames: ['method'] as const,
  registers: [metricsRegistry],
})

/** Counts and times every request; must sit outside the error middleware to see final statuses. */
export function httpMetrics(): Middleware {
  return async (ctx, next) => {
    const stop = duration.startTimer()
    inFlight.inc({ method: ctx.method })
    try {
      await next()
    } finally {
      inFlight.dec({ method: ctx.method })
      const labels = { method: ctx.method, route: routeLabel(ctx), status: String(ctx.status) }
      requests.inc(labels)
      stop(labels)
    }
  }
}

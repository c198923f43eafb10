import Router from '@koa/router'
import { AppError } from '@minqing/shared'
import { createHash, timingSafeEqual } from 'node:crypto'
import { metricsRegistry } from './registry'
import './queueMetrics'
import './databaseMetrics'
import './jobMetrics'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * GET /metrics for Prometheus, outside /api/v1. Only with `Authorization: Bearer <METRICS_TOKEN>`;
 * without a configured token the endpoint does not exist (404), so nothing is exposed by default.
 */
export function metricsRouter(token: string | undefined): Router {
  const router = new Router()
  router.get('/metrics', async (ctx) => {
    if (!token) throw new AppError('ROUTE_NOT_FOUND')
    const given = /^Bearer (.+)$/i.exec(ctx.get('authorization'))?.[1] ?? ''
    // Compared as digests: equal length, constant time, whatever the caller sent.
    if (!timingSafeEqual(digest(given), digest(token))) {
      ctx.set('WWW-Authenticate', 'Bearer')
      throw new AppError('UNAUTHENTICATED')
    }
    ctx.set('Content-Type', metricsRegistry.contentType)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = await metricsRegistry.metrics()
  })
  return router
}

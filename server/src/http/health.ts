import Router from '@koa/router'
import { AppError } from '@minqing/shared'
import { pingDatabase } from '../db/connect'

/** Liveness (the process answers) and readiness (the database answers), outside /api/v1. */
export function healthRouter(): Router {
  const router = new Router()
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' }
  })
  router.get('/readyz', async (ctx) => {
    if (!(await pingDatabase())) throw new AppError('DATABASE_UNAVAILABLE')
    ctx.body = { status: 'ready' }
  })
  return router
}

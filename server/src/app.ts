import { bodyParser } from '@koa/bodyparser'
import Router from '@koa/router'
import { AppError, apiPrefix } from '@minqing/shared'
import Koa from 'koa'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { trustedProxyHops } from './config/config'
import { compression } from './http/compression'
import { errorMiddleware } from './http/errorMiddleware'
import type { AppDeps } from './http/deps'
import { healthRouter } from './http/health'
import { docsRouter } from './openapi/docsRouter'
import { open311 } from './open311/open311Router'
import { mountRoutes } from './http/mountRoutes'
import { requestLog } from './http/requestLog'
import { securityHeaders } from './http/securityHeaders'
import { staticH5 } from './http/staticH5'
import { routeTable } from './routes'
import { httpMetrics } from './metrics/httpMetrics'
import { metricsRouter } from './metrics/metricsRouter'

/** The server package's version, shown in the API document. */
const appVersion = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version

const defaultH5Dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../miniapp/dist/h5')

/** Builds the Koa app without listening, so tests drive `app.callback()` directly. */
export function createApp(deps: AppDeps): Koa {
  // ctx.ip is the Nth X-Forwarded-For address from the right: the one our own N proxies saw.
  const hops = trustedProxyHops(deps.config)
  const app = new Koa({ proxy: hops > 0, maxIpsCount: hops })
  app.context.deps = deps
  app.silent = true // errors are logged by errorMiddleware, not Koa's default stderr printer

  const h5Dir = deps.config.H5_DIR ?? defaultH5Dir
  // First, so that error answers carry the headers too.
  app.use(securityHeaders({ h5Index: path.join(h5Dir, 'index.html') }))
  // Log and metrics outside the error middleware, so they see the status the client gets.
  app.use(requestLog(deps.logger))
  app.use(httpMetrics())
  app.use(errorMiddleware(deps.logger))
  app.use(compression())
  app.use(
    bodyParser({
      enableTypes: ['json', 'form'],
      jsonLimit: deps.config.BODY_LIMIT,
      formLimit: deps.config.BODY_LIMIT,
      // Arrays and primitives at the top level are valid JSON; the route schemas decide.
      jsonStrict: false,
    }),
  )

  // The WeChat mini-program cannot send PATCH; it sends POST with this header instead.
  app.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.get('x-http-method-override').toUpperCase() === 'PATCH')
      ctx.method = 'PATCH'
    await next()
  })

  const health = healthRouter()
  app.use(health.routes())
  app.use(metricsRouter(deps.config.METRICS_TOKEN).routes())
  app.use(docsRouter(appVersion).routes())
  app.use(open311())

  const api = new Router({ prefix: apiPrefix })
  mountRoutes(api, routeTable)
  app.use(api.routes())
  app.use(api.allowedMethods({ throw: false }))
  app.use(async (ctx, next) => {
    if (ctx.path === apiPrefix || ctx.path.startsWith(`${apiPrefix}/`)) throw new AppError('ROUTE_NOT_FOUND')
    await next()
  })

  app.use(staticH5(h5Dir))
  return app
}

import type { Middleware } from 'koa'
import type { Logger } from '../log/logger'
import { routeLabel } from './routeLabel'

/**
 * One line per request. Only the matched route pattern is logged ("/users/:id"), never the
 * query string or body, so phone numbers and addresses cannot leak into logs. Mounted outside
 * the error middleware: inside it, a thrown error passed through here before it became an answer,
 * so every 400 or 401 was logged with Koa's default status, 404.
 */
export function requestLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = performance.now()
    try {
      await next()
    } finally {
      logger.info(
        {
          method: ctx.method,
          route: routeLabel(ctx),
          status: ctx.status,
          ms: Math.round(performance.now() - started),
          userId: ctx.state.viewer?.userId,
        },
        'request',
      )
    }
  }
}

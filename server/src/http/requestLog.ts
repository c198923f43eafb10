import type { Middleware } from 'koa'
import type { Logger } from '../log/logger'

/**
 * One line per request. Only the matched route pattern is logged ("/users/:id"), never the
 * query string or body, so phone numbers and addresses cannot leak into logs.
 */
export function requestLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = performance.now()
    try {
      await next()
    } finally {
      const route =
        (ctx as { _matchedRoute?: string })._matchedRoute ??
        (ctx.path.startsWith('/api') ? 'unmatched' : 'static')
      logger.info(
        {
          method: ctx.method,
          route,
          status: ctx.status,
          ms: Math.round(performance.now() - started),
          userId: ctx.state.viewer?.userId,
        },
        'request',
      )
    }
  }
}

import type { Middleware } from 'koa'
import type { Logger } from '../log/logger'
import { toAppError } from './errorMapping'

/** The single place where errors become HTTP answers (Koa's own pattern: one handler at the top). */
export function errorMiddleware(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next()
    } catch (error) {
      const { appError, unexpected } = toAppError(error)
      if (unexpected) {
        logger.error(
          { err: error, method: ctx.method, route: ctx.state.route ?? ctx.path },
          'unexpected error',
        )
      } else if (appError.code === 'DATABASE_UNAVAILABLE') {
        logger.warn({ err: { name: (error as Error).name } }, 'database unavailable')
      }
      ctx.status = appError.status
      ctx.body = appError.toBody()
      if (typeof appError.details?.retryAfterSeconds === 'number') {
        ctx.set('Retry-After', String(appError.details.retryAfterSeconds))
      }
      if (appError.code === 'DATABASE_UNAVAILABLE') ctx.set('Retry-After', '5')
    }
  }
}

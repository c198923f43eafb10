import type { Context } from 'koa'

/**
 * The matched route pattern ("/api/v1/cases/:id"), never the path itself: paths carry ids and
 * query strings may carry phone numbers, and one label per id would swamp the metrics.
 */
export function routeLabel(ctx: Context): string {
  return (
    (ctx as { _matchedRoute?: string })._matchedRoute ??
    (ctx.path.startsWith('/api') ? 'unmatched' : 'static')
  )
}

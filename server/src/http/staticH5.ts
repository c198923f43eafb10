import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Middleware } from 'koa'
import serve from 'koa-static'

/** Serves the built H5 app at `/`; the app uses hash routing, so no history fallback is needed. */
export function staticH5(dir: string): Middleware {
  const index = path.join(dir, 'index.html')
  const files = serve(dir, { maxage: 3600_000, index: 'index.html' })
  return async (ctx, next) => {
    if (!existsSync(index)) {
      if (ctx.path !== '/') return next()
      ctx.type = 'html'
      ctx.body =
        '<!doctype html><meta charset="utf-8"><title>民情通</title>' +
        '<p>H5 客户端尚未构建：请运行 <code>npm run build:h5</code>。</p>' +
        '<p>The H5 client is not built yet: run <code>npm run build:h5</code>.</p>'
      return
    }
    // index.html must not be cached, so a new build is picked up at once; hashed assets may be.
    if (ctx.path === '/' || ctx.path === '/index.html') ctx.set('Cache-Control', 'no-cache')
    return files(ctx, next)
  }
}

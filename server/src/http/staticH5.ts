import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Middleware } from 'koa'
import serve from 'koa-static'

/** Webpack names bundles `name.<contenthash:8>.ext`: such a file never changes under its name. */
const hashedAsset = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i
const immutable = 'public, max-age=31536000, immutable'
/** The H5 service worker (Workbox, miniapp/config/serviceWorker.ts), scoped to the whole app. */
const serviceWorker = '/sw.js'

/** Serves the built H5 app at `/`; the app uses hash routing, so no history fallback is needed. */
export function staticH5(dir: string): Middleware {
  const index = path.join(dir, 'index.html')
  const files = serve(dir, {
    index: 'index.html',
    // Unhashed files (favicon, index.html) are revalidated on every use; hashed ones never.
    maxage: 0,
    setHeaders: (res, file) => {
      if (hashedAsset.test(file)) res.setHeader('Cache-Control', immutable)
      else res.setHeader('Cache-Control', 'public, max-age=0')
    },
  })
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
    await files(ctx, next)
    // index.html must not be cached, so a new build is picked up at once.
    if (ctx.path === '/' || ctx.path === '/index.html') ctx.set('Cache-Control', 'no-cache')
    // Nor the service worker: the browser compares it on every start to find a new build.
    if (ctx.path === serviceWorker && ctx.status === 200) {
      ctx.set('Cache-Control', 'no-cache')
      ctx.set('Service-Worker-Allowed', '/')
    }
  }
}

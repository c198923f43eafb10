import Router from '@koa/router'
import { createReadStream } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { routeTable } from '../routes'
import { openApiDocument } from './openApiDocument'

const require = createRequire(import.meta.url)
const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'))
const assets = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'])

const initScript = `SwaggerUIBundle({ url: document.getElementById('docs').dataset.url, dom_id: '#docs', deepLinking: true })\n`

const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>民情通 API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="docs" data-url="/openapi.json"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>`

/** `/openapi.json` (generated from the route table) and the interactive docs page at `/docs`. */
export function docsRouter(version: string): Router {
  const document = openApiDocument(routeTable, version)
  const router = new Router()
  router.get('/openapi.json', (ctx) => {
    ctx.body = document
  })
  router.get('/docs', (ctx) => {
    ctx.type = 'html'
    ctx.body = page
  })
  // A file, not an inline script: the page's Content-Security-Policy admits this origin's scripts only.
  router.get('/docs/init.js', (ctx) => {
    ctx.type = 'js'
    ctx.body = initScript
  })
  // Served from the swagger-ui-dist package: the docs work with no internet access.
  router.get('/docs/:asset', (ctx) => {
    if (!assets.has(ctx.params.asset!)) return
    ctx.type = path.extname(ctx.params.asset!)
    ctx.set('Cache-Control', 'public, max-age=86400')
    ctx.body = createReadStream(path.join(swaggerDir, ctx.params.asset!))
  })
  return router
}

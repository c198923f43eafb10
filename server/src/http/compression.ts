import compress from 'koa-compress'
import type { Middleware } from 'koa'
import { constants } from 'node:zlib'

/**
 * JSON answers below this go uncompressed: each compressed answer sets up a zlib stream, which
 * cost ~3 ms of CPU per submission (a submitted case is ~2 KiB) — more than the rest of the
 * request — to save about a kilobyte (issue 18).
 */
const jsonThreshold = 8 * 1024

/**
 * Brotli (or gzip for older clients) for every compressible answer above 1 KiB (JSON above
 * 8 KiB): the H5 bundles shrink to about a quarter, which is most of a phone's first-load time on
 * a slow network. Quality 5 keeps the CPU cost per request low on this small server (the bundles
 * are not pre-compressed at build time). A JSON body is serialised here once: left an object,
 * Koa and the compressor each stringified it again to learn its length.
 */
export function compression(): Middleware {
  const compressAnswer = compress({
    threshold: 1024,
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    gzip: { level: 6 },
    deflate: false,
  })
  // The name is the one koa-compress gives its middleware (tests place a check just inside it).
  return function compressMiddleware(ctx, next) {
    return compressAnswer(ctx, async () => {
      await next()
      const body: unknown = ctx.body
      if (!body || typeof body !== 'object' || Buffer.isBuffer(body) || 'pipe' in body) return
      const text = JSON.stringify(body)
      ctx.body = text
      if (Buffer.byteLength(text) < jsonThreshold) ctx.compress = false
    })
  }
}

import compress from 'koa-compress'
import type { Middleware } from 'koa'
import { constants } from 'node:zlib'

/**
 * Brotli (or gzip for older clients) for every compressible answer above 1 KiB: the H5 bundles
 * shrink to about a quarter, which is most of a phone's first-load time on a slow network.
 * Quality 5 keeps the CPU cost per request low on this small server (the bundles are not
 * pre-compressed at build time).
 */
export function compression(): Middleware {
  return compress({
    threshold: 1024,
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    gzip: { level: 6 },
    deflate: false,
  })
}

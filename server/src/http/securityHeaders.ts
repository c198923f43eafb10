import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import type { Middleware } from 'koa'
import helmet from 'koa-helmet'

/**
 * Security headers on every answer (helmet): a Content-Security-Policy that admits only this
 * origin's scripts, styles, images and API, nothing may frame the app (frame-ancestors 'none',
 * X-Frame-Options DENY), no MIME sniffing, no Referer (signed photo URLs stay private). HSTS only
 * on requests that arrived over TLS (directly, or per X-Forwarded-Proto with TRUST_PROXY): a plain
 * HTTP deployment on a LAN must not be told to switch to HTTPS it does not have.
 */
export function securityHeaders(options: { h5Index: string }): Middleware {
  const inlineScripts = inlineScriptHashes(options.h5Index)
  const common = {
    defaultSrc: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Plain HTTP deployments exist (a LAN demo): upgrading their requests would break them.
    upgradeInsecureRequests: null,
  }
  const base = {
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    strictTransportSecurity: false,
  }
  const app = helmet({
    ...base,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...common,
        // The H5 build inlines one small script (Taro's rem sizing): admitted by its hash only.
        scriptSrc: ["'self'", () => inlineScripts().join(' ')],
        // Taro and NutUI insert <style> elements at run time; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Photos come from the API; the app previews picked photos from blob: and data: URLs,
        // and reads a picked photo's blob: URL to upload it.
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'blob:', 'data:'],
      },
    },
  })
  // swagger-ui sets inline styles and draws its icons from data: URLs.
  const docs = helmet({
    ...base,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...common,
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  })
  return async (ctx, next) => {
    if (ctx.secure) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    const policy = ctx.path === '/docs' || ctx.path.startsWith('/docs/') ? docs : app
    return policy(ctx, next)
  }
}

/**
 * The CSP hashes of the inline scripts in the built index.html, read again when the file changes
 * (a rebuild while the server runs), looked at no more than once a second.
 */
function inlineScriptHashes(indexPath: string): () => string[] {
  let hashes: string[] = []
  let seenMtime = -1
  let checkedAt = 0
  return () => {
    const now = Date.now()
    if (now - checkedAt < 1000) return hashes
    checkedAt = now
    let mtime: number
    try {
      mtime = statSync(indexPath).mtimeMs
    } catch {
      return (hashes = []) // not built: staticH5 answers its own notice, which has no script
    }
    if (mtime !== seenMtime) {
      seenMtime = mtime
      const html = readFileSync(indexPath, 'utf8')
      hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`,
      )
    }
    return hashes
  }
}

import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'

describe('security headers', () => {
  it('sets CSP, frame, sniffing and referrer headers on pages, API answers and errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'h5-'))
    const inline = 'document.documentElement.style.fontSize="20px"'
    writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html><script>${inline}</script><div id="app"></div>`,
    )
    const { request } = testApp({ env: { H5_DIR: dir } })
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`
    for (const answer of [
      await request.get('/'),
      await request.get('/api/v1/me'), // 401
      await request.get('/healthz'),
    ]) {
      const csp = answer.headers['content-security-policy']
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain(`script-src 'self' ${hash}`)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).not.toContain('unsafe-eval')
      expect(csp).not.toContain('upgrade-insecure-requests')
      expect(answer.headers['x-frame-options']).toBe('DENY')
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
      expect(answer.headers['referrer-policy']).toBe('no-referrer')
      expect(answer.headers['strict-transport-security']).toBeUndefined() // plain HTTP
      expect(answer.headers['x-powered-by']).toBeUndefined()
    }
    const docs = await request.get('/docs')
    expect(docs.headers['content-security-policy']).toContain("script-src 'self';")
    expect(docs.text).not.toMatch(/<script>/) // its init script is a file the policy admits
    expect((await request.get('/docs/init.js')).text).toContain('SwaggerUIBundle')
  })

  it('adds HSTS only to requests that came over TLS', async () => {
    const { request } = testApp({ env: { TRUST_PROXY: 'true' } })
    const secure = await request.get('/healthz').set('X-Forwarded-Proto', 'https')
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    const plain = await request.get('/healthz').set('X-Forwarded-Proto', 'http')
    expect(plain.headers['strict-transport-security']).toBeUndefined()
  })
})

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'

/** A built H5 app in miniature: an index, one hashed script, one hashed stylesheet. */
function h5Dir(): { dir: string; script: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'h5-static-'))
  mkdirSync(path.join(dir, 'js'))
  mkdirSync(path.join(dir, 'css'))
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="app"></div>')
  const script = `console.log(${JSON.stringify('民情通 '.repeat(400))})`
  writeFileSync(path.join(dir, 'js/app.0a1b2c3d.js'), script)
  writeFileSync(path.join(dir, 'css/app.4e5f6a7b.css'), '.mq-page{color:#1a1a1a}'.repeat(200))
  writeFileSync(path.join(dir, 'favicon.ico'), Buffer.from([0, 0, 1, 0]))
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  return { dir, script }
}

describe('static H5 serving', () => {
  it('sends scripts brotli-compressed to browsers that accept it, gzip to the others', async () => {
    const { dir, script } = h5Dir()
    const { request } = testApp({ env: { H5_DIR: dir } })
    const br = await request.get('/js/app.0a1b2c3d.js').set('Accept-Encoding', 'gzip, deflate, br')
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.text).toBe(script) // superagent decodes what the header names

    const gzip = await request.get('/js/app.0a1b2c3d.js').set('Accept-Encoding', 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gzip.text).toBe(script)
  })

  it('caches hashed assets for a year as immutable, and never caches index.html', async () => {
    const { dir } = h5Dir()
    const { request } = testApp({ env: { H5_DIR: dir } })
    for (const asset of ['/js/app.0a1b2c3d.js', '/css/app.4e5f6a7b.css']) {
      const answer = await request.get(asset)
      expect(answer.status, asset).toBe(200)
      expect(answer.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable')
    }
    for (const page of ['/', '/index.html']) {
      const answer = await request.get(page)
      expect(answer.status, page).toBe(200)
      expect(answer.headers['cache-control'], page).toBe('no-cache')
    }
    // A file without a content hash may change under the same name: revalidate it.
    expect((await request.get('/favicon.ico')).headers['cache-control']).toBe('public, max-age=0')
  })

  it('serves the service worker uncached, as JavaScript, allowed to control the whole app', async () => {
    const { dir } = h5Dir()
    const { request } = testApp({ env: { H5_DIR: dir } })
    const answer = await request.get('/sw.js')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toMatch(/javascript/)
    // A cached worker would keep phones on an old build (browsers cap it at 24 h, still too long).
    expect(answer.headers['cache-control']).toBe('no-cache')
    expect(answer.headers['service-worker-allowed']).toBe('/')
  })
})

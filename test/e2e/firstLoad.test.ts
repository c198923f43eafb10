import { statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser({ shared: true })
const h5Dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../miniapp/dist/h5')

async function freshPage() {
  const context = await app.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' })
  return context.newPage()
}

describe('H5: what a first visit loads', () => {
  it('asks the API for nothing that needs a login before the person has logged in', async () => {
    const page = await freshPage()
    const unauthorised: string[] = []
    const apiCalls: string[] = []
    page.on('response', (response) => {
      if (!response.url().includes('/api/')) return
      apiCalls.push(new URL(response.url()).pathname)
      if (response.status() === 401) unauthorised.push(new URL(response.url()).pathname)
    })
    await page.goto(app.server.baseUrl)
    await page.waitForURL(/pages\/login/)
    await visible(page, 'input').first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(unauthorised).toEqual([])
    expect(apiCalls.filter((call) => call.includes('/notifications'))).toEqual([])
    await page.context().close()
  })

  it('serves scripts compressed and cached as immutable, index.html revalidated', async () => {
    const page = await freshPage()
    const scripts: Array<{ url: string; bytes: number; encoding?: string; cache?: string }> = []
    page.on('response', async (response) => {
      if (!/\/js\/.+\.js$/.test(response.url())) return
      const headers = await response.allHeaders()
      // Size on disk of the built file: the body Playwright hands back is already decoded.
      const file = path.join(h5Dir, new URL(response.url()).pathname)
      scripts.push({
        url: response.url(),
        bytes: statSync(file).size,
        encoding: headers['content-encoding'],
        cache: headers['cache-control'],
      })
    })
    const index = await page.goto(app.server.baseUrl)
    expect((await index!.allHeaders())['cache-control']).toBe('no-cache')
    await visible(page, 'input').first().waitFor()
    expect(scripts.length).toBeGreaterThan(0)
    await page.waitForLoadState('networkidle')
    expect(scripts.some((script) => script.bytes > 20_000)).toBe(true)
    for (const script of scripts) {
      // Below 1 KiB compression costs more than it saves: those go as they are.
      if (script.bytes > 1024) expect(script.encoding, script.url).toBe('br')
      expect(script.cache, script.url).toBe('public, max-age=31536000, immutable')
    }
    await page.context().close()
  })

  it('has a favicon, lets people zoom, and gives no element an invalid aria-role', async () => {
    const page = await freshPage()
    const icon = await page.request.get(`${app.server.baseUrl}/favicon.ico`)
    expect(icon.status()).toBe(200)
    expect(icon.headers()['content-type']).toMatch(/image/)
    await page.goto(app.server.baseUrl)
    const viewport = await page.locator('meta[name="viewport"]').getAttribute('content')
    expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/)
    await page.context().close()

    // The profile page holds the 长辈模式 switch (a NutUI Switch).
    const signedIn = await loggedInPage(app.browser, app.server.baseUrl, '13800000005')
    await signedIn.getByText('我的', { exact: true }).last().click()
    await signedIn.waitForURL(/pages\/profile/)
    const toggle = visible(signedIn, '.nut-switch')
    await toggle.waitFor()
    expect(await signedIn.locator('[aria-role]').count()).toBe(0)
    expect(await toggle.getAttribute('role')).toBe('switch')
    await signedIn.context().close()
  })

  it('loads every picture from the app itself: empty states work offline and on closed networks', async () => {
    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000005')
    const elsewhere: string[] = []
    page.on('request', (request) => {
      const url = request.url()
      if (!url.startsWith(app.server.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
        elsewhere.push(url)
    })
    // No topics in the demo data: the page shows its empty state.
    await page.goto(`${app.server.baseUrl}/#/pages/review/topics/index`)
    const empty = visible(page, '.mq-empty')
    await empty.waitFor()
    await page.waitForLoadState('networkidle')
    const picture = empty.locator('img')
    expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(elsewhere).toEqual([])
    await page.screenshot({ path: 'artifacts/empty-state-topics.png' })
    await page.context().close()
  })
})

import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { choosePhotos, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser({ shared: true })

/**
 * A page that records every Content-Security-Policy violation: the `securitypolicyviolation`
 * events of each document, and the console errors Chromium prints for blocked content.
 */
async function watchedPage(): Promise<{
  page: Page
  context: BrowserContext
  violations: () => Promise<string[]>
}> {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __csp: string[] }).__csp = seen
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    )
  })
  const page = await context.newPage()
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text())
  })
  const violations = async () => [
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
    ...consoleErrors,
  ]
  return { page, context, violations }
}

describe('H5 under its security headers', () => {
  it('logs in and shows the home page with no CSP violation; the headers are set', async () => {
    const { page, context, violations } = await watchedPage()
    const response = await page.goto(app.server.baseUrl)
    const headers = response!.headers()
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['content-security-policy']).toContain("script-src 'self'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['referrer-policy']).toBe('no-referrer')
    await page.waitForURL(/pages\/login/)
    await visible(page, 'input').first().waitFor()
    await visible(page, 'input').nth(0).fill('13800000003')
    await visible(page, 'input[type="password"]').fill('minqing-demo')
    await page.locator('.nut-button', { hasText: /^登录$/ }).click()
    await page.waitForURL(/pages\/home/)
    await page.getByText('您好，李承办').waitFor()
    await page.getByText('待办工单').click()
    await page.waitForURL(/cases/)
    await page.waitForLoadState('networkidle')
    const seen = await violations()
    expect(seen).toEqual([])
    await context.close()
  })

  it('a resident picks and uploads a photo (blob: URLs) with no CSP violation', async () => {
    const { page, context, violations } = await watchedPage()
    const photo = path.join(mkdtempSync(path.join(os.tmpdir(), 'minqing-csp-')), 'pixel.png')
    writeFileSync(
      photo,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      ),
    )
    await page.goto(app.server.baseUrl)
    await page.waitForURL(/pages\/login/)
    await visible(page, 'input').first().waitFor()
    await visible(page, 'input').nth(0).fill('13800000005')
    await visible(page, 'input[type="password"]').fill('minqing-demo')
    await page.locator('.nut-button', { hasText: /^登录$/ }).click()
    await page.waitForURL(/pages\/home/)
    await page.getByText('我要反映').click()
    await page.waitForURL(/cases\/submit/)
    await choosePhotos(page, '.case-add-photo', photo) // agrees to the privacy guide first
    await expect.poll(() => visible(page, '.case-photo-uploaded').count(), { timeout: 15_000 }).toBe(1)
    expect(await violations()).toEqual([])
    await context.close()
  })

  it('cannot be framed by another site', async () => {
    const { page, context } = await watchedPage()
    const framer = 'http://framer.example/'
    await context.route(framer, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><iframe id="victim" src="${app.server.baseUrl}/" width="390" height="600"></iframe>`,
      }),
    )
    // 'load' waits for the iframe too: the app's document (with its #app root) or the error page.
    await page.goto(framer, { waitUntil: 'load' })
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!
    expect(await frame.locator('#app').count()).toBe(0)
    expect(frame.url()).not.toContain(app.server.baseUrl)
    await context.close()
  })

  it('the API documentation (swagger-ui) works under its own policy', async () => {
    const { page, context, violations } = await watchedPage()
    const response = await page.goto(`${app.server.baseUrl}/docs`)
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    // Tags are listed alphabetically since the contract work: the first operation shows first.
    await page.locator('.opblock-summary-path', { hasText: '/audit/contact-views' }).first().waitFor()
    await page.locator('.opblock-summary', { hasText: '/auth/login' }).first().click()
    await page.getByText('Try it out').first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(await violations()).toEqual([])
    await context.close()
  })
})

import { describe, expect, it } from 'vitest'
import { visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser({ shared: true })

describe('H5: the start screen', () => {
  it('is in the HTML itself: a phone shows the app name before any script has run', async () => {
    // Without JavaScript nothing of the app starts: what shows is what the first paint shows.
    const context = await app.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 412, height: 823 },
    })
    const page = await context.newPage()
    await page.goto(`${app.server.baseUrl}/#/pages/login/index`)
    const title = page.locator('#mq-start .mq-start-title')
    await expect(title.isVisible()).resolves.toBe(true)
    expect(await title.textContent()).toBe('民情通')
    // It covers the whole viewport, so taking it away later moves nothing on the page.
    const box = await page.locator('#mq-start').boundingBox()
    expect(box).toEqual({ x: 0, y: 0, width: 412, height: 823 })
    await context.close()
  })

  it('is gone once the first page is on screen, and nothing is left covering it', async () => {
    const context = await app.browser.newContext({ viewport: { width: 412, height: 823 } })
    const page = await context.newPage()
    await page.goto(`${app.server.baseUrl}/#/pages/login/index`)
    await visible(page, '.login-hint').first().waitFor()
    await page.locator('#mq-start').waitFor({ state: 'detached' })
    // The login button is what a tap at its centre reaches (no overlay above it).
    const button = visible(page, '.nut-button').first()
    const centre = await button.evaluate((element) => {
      const rect = element.getBoundingClientRect()
      const hit = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)
      return element.contains(hit)
    })
    expect(centre).toBe(true)
    await context.close()
  })
})

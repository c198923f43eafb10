import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { visible } from '../support/browser'
import { auditElderMode, type ElderMiss } from '../support/elderAudit'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser()

// MIIT 适老化 figures are in dp on a phone: measured as CSS px at a 375-wide viewport.
const phone = { width: 375, height: 812 }

/** A fresh phone with 长辈模式 already switched on (Taro keeps storage as {"data": …}). */
async function elderPhone(): Promise<Page> {
  const context = await app.browser.newContext({ viewport: phone, locale: 'zh-CN' })
  await context.addInitScript(() => {
    localStorage.setItem('minqing.elderMode', JSON.stringify({ data: true }))
  })
  return context.newPage()
}

/** A cold start of one page, as opening a shared link would be (Taro keeps old pages hidden). */
async function openFresh(page: Page, path: string) {
  await page.goto('about:blank')
  await page.goto(`${app.server.baseUrl}/#/${path}`)
  await page.waitForURL(new RegExp(path.split('?')[0]!))
}

async function audit(page: Page, name: string): Promise<ElderMiss[]> {
  await visible(page, '.mq-page.mq-elder').first().waitFor()
  // Pages load their data after they show: wait until the network is quiet before measuring.
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: `artifacts/elder-${name}.png`, fullPage: true })
  const { measured, misses } = await auditElderMode(page)
  expect(measured, `${name}: nothing measured`).toBeGreaterThan(0)
  return misses.map((miss) => ({ ...miss, what: `${name} ${miss.what}` }))
}

describe('H5: 长辈模式 on every resident page meets the MIIT 适老化 figures', () => {
  it('text ≥ 18 px, line height ≥ 1.3, contrast ≥ 4.5 : 1, buttons and inputs ≥ 60 × 60', async () => {
    const page = await elderPhone()
    const misses: ElderMiss[] = []
    await page.goto(app.server.baseUrl)
    await page.waitForURL(/pages\/login/)
    misses.push(...(await audit(page, 'login')))

    await visible(page, 'input').nth(0).fill('13800000005')
    await visible(page, 'input[type="password"]').fill('minqing-demo')
    await page.locator('.nut-button', { hasText: /^登录$/ }).click()
    await page.waitForURL(/pages\/home/)
    misses.push(...(await audit(page, 'home')))

    for (const [name, path] of [
      ['submit', 'pages/cases/submit/index'],
      // A district's link adds the 受理区县 line and the district's own categories.
      ['submit-hedong', 'pages/cases/submit/index?tenant=hedong'],
      ['my-cases', 'pages/cases/list/index?scope=all'],
      ['notifications', 'pages/cases/notifications/index'],
      ['echo', 'pages/review/echo/index'],
      ['topics', 'pages/review/topics/index'],
      ['profile', 'pages/profile/index'],
    ] as const) {
      await openFresh(page, path)
      misses.push(...(await audit(page, name)))
    }

    await openFresh(page, 'pages/cases/list/index?scope=all')
    await visible(page, '.case-card').first().click()
    await page.waitForURL(/pages\/cases\/detail/)
    misses.push(...(await audit(page, 'detail')))

    expect(misses).toEqual([])
    await page.context().close()
  })
})

import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser({ shared: true })

async function openApp(): Promise<Page> {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(app.server.baseUrl)
  return page
}

async function logIn(page: Page, phone: string, password: string) {
  await page.locator('input[name="phone"], .nut-input input').first().waitFor()
  await page.locator('input').nth(0).fill(phone)
  await page.locator('input[type="password"]').fill(password)
  await page.locator('.nut-button', { hasText: /^登录$/ }).click()
}

describe('H5: log in and see the home page of the role', () => {
  it('a handler logs in with the demo account and sees the handler entries', async () => {
    const page = await openApp()
    await expect(page.waitForURL(/pages\/login/)).resolves.toBeUndefined()
    await logIn(page, '13800000003', 'minqing-demo')
    await page.waitForURL(/pages\/home/)
    await expect(page.getByText('您好，李承办').waitFor()).resolves.toBeUndefined()
    await expect(page.getByText('承办人', { exact: true }).count()).resolves.toBe(1)
    await expect(page.getByText('待办工单').count()).resolves.toBe(1)
    await expect(page.getByText('新增走访').count()).resolves.toBe(0)
    await page.context().close()
  })

  it('a wrong password shows the server message and stays on login', async () => {
    const page = await openApp()
    await logIn(page, '13800000003', 'not-the-password')
    await expect(page.getByText('手机号或密码错误').waitFor()).resolves.toBeUndefined()
    expect(page.url()).toMatch(/pages\/login/)
    await page.context().close()
  })

  it('client-side validation uses the shared schema before any request', async () => {
    const page = await openApp()
    await logIn(page, '12', 'x')
    await expect(page.getByText('请输入11位手机号').waitFor()).resolves.toBeUndefined()
    await page.context().close()
  })

  it('a resident enters as a guest in H5 and sees the resident entries', async () => {
    const page = await openApp()
    await page.locator('.nut-button', { hasText: '游客体验' }).click()
    await page.waitForURL(/pages\/home/)
    await expect(page.getByText('我要反映').waitFor()).resolves.toBeUndefined()
    await expect(page.getByText('群众', { exact: true }).count()).resolves.toBe(1)
    await page.context().close()
  })

  it('elder mode is switched on the profile page and remembered after a reload', async () => {
    const page = await openApp()
    await logIn(page, '13800000004', 'minqing-demo')
    await page.waitForURL(/pages\/home/)
    await page.getByText('我的', { exact: true }).last().click()
    await page.waitForURL(/pages\/profile/)
    // Taro's H5 router keeps earlier pages in the DOM, hidden: look at the visible page only.
    const visiblePage = page.locator('.mq-page:visible')
    const normalFont = await visiblePage.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await expect(page.locator('.mq-elder').count()).resolves.toBe(0)
    await page.locator('.profile-elder .nut-switch').click()
    await expect(page.locator('.mq-page.mq-elder:visible').waitFor()).resolves.toBeUndefined()
    const elderFont = await visiblePage.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(elderFont).toBeGreaterThan(normalFont * 1.3)

    await page.reload()
    await expect(page.locator('.mq-page.mq-elder:visible').waitFor()).resolves.toBeUndefined()
    await page.goto(`${app.server.baseUrl}/#/pages/home/index`)
    await page.getByText('您好，张网格').waitFor()
    const homeFont = await page
      .locator('.mq-page:visible')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(homeFont).toBe(elderFont)
    await page.context().close()
  })
})

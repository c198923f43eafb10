import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser()

async function logIn(page: Page, phone: string, password: string) {
  await page.goto(app.server.baseUrl)
  await page.locator('input[type="password"]').waitFor()
  await page.locator('input').nth(0).fill(phone)
  await page.locator('input[type="password"]').fill(password)
  await page.locator('.nut-button', { hasText: /^登录$/ }).click()
}

describe('H5: 修改密码 from 我的', () => {
  it('checks the shared policy in the form, changes the password, and the new one logs in', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await logIn(page, '13800000004', 'minqing-demo')
    await page.waitForURL(/pages\/home/)
    await page.getByText('我的', { exact: true }).last().click()
    await page.waitForURL(/pages\/profile/)
    await page.getByText('修改密码').click()
    await page.waitForURL(/pages\/password/)

    const visible = page.locator('.mq-page:visible')
    await visible
      .locator('input[name="currentPassword"], input[placeholder="当前密码"]')
      .first()
      .fill('minqing-demo')
    await visible.locator('input[placeholder="新密码"]').fill('woaini1314')
    await visible.locator('input[placeholder="再次输入新密码"]').fill('woaini1314')
    await visible.locator('.nut-button', { hasText: '确认修改' }).click()
    await expect(page.getByText('该密码过于常见，请换一个').waitFor()).resolves.toBeUndefined()
    expect(page.url()).toMatch(/pages\/password/)

    await visible.locator('input[placeholder="新密码"]').fill('a-fresh-long-secret')
    await visible.locator('input[placeholder="再次输入新密码"]').fill('a-fresh-long-secret')
    await visible.locator('.nut-button', { hasText: '确认修改' }).click()
    await page.waitForURL(/pages\/home/)
    await context.close()

    const fresh = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const again = await fresh.newPage()
    await logIn(again, '13800000004', 'minqing-demo')
    await expect(again.getByText('手机号或密码错误').waitFor()).resolves.toBeUndefined()
    await logIn(again, '13800000004', 'a-fresh-long-secret')
    await again.waitForURL(/pages\/home/)
    await fresh.close()
  })
})

describe('H5 console: 重置密码 by an admin', () => {
  it('confirms, shows a one-time password once, and the person must choose a new one at login', async () => {
    const admin = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
    const page = await admin.newPage()
    await logIn(page, '13800000001', 'minqing-demo')
    await page.waitForURL(/pages\/home/)
    await page.goto(`${app.server.baseUrl}/#/pages/admin/units/index`)
    const row = page.locator('.mq-table-row:visible').filter({ hasText: '李承办' })
    await row.locator('.units-reset-password').click()
    await page.getByText('确定重置？', { exact: false }).waitFor()
    await page.screenshot({ path: 'artifacts/admin-reset-confirm.png' })
    await page.getByText('重置', { exact: true }).last().click()
    const shown = page.locator('.units-issued-password:visible')
    await shown.waitFor()
    await expect(page.locator('.units-issued-text:visible').textContent()).resolves.toContain(
      '李承办的临时密码',
    )
    const temporary = (await shown.textContent())!.trim()
    expect(temporary.length).toBeGreaterThanOrEqual(10)
    await page.screenshot({ path: 'artifacts/admin-reset-issued.png' })
    await page.locator('.nut-button:visible', { hasText: '已告知本人' }).click()
    expect(await page.locator('.units-issued:visible').count()).toBe(0)
    await admin.close()

    const handler = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const phone = await handler.newPage()
    await logIn(phone, '13800000003', 'minqing-demo')
    await expect(phone.getByText('手机号或密码错误').waitFor()).resolves.toBeUndefined()
    await logIn(phone, '13800000003', temporary)
    await phone.waitForURL(/pages\/password/)
    await handler.close()
  })
})

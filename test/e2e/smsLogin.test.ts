import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import type { Browser } from 'playwright-core'
import { startSmsStub } from '../../server/test/smsStub'
import { launchChromium, visible } from '../support/browser'
import { startServer, type RunningServer } from '../support/server'

let sms: Awaited<ReturnType<typeof startSmsStub>>
let server: RunningServer
let browser: Browser
beforeAll(async () => {
  sms = await startSmsStub()
  server = await startServer(inject('mongoUri'), sms.webhookEnv())
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await sms?.stop()
})

describe('H5: a resident without WeChat logs in with an SMS code', () => {
  it('asks for a code, types it and lands on the resident home, verified', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(server.baseUrl)
    await page.waitForURL(/pages\/login/)
    await visible(page, '.login-mode').filter({ hasText: '短信验证码登录' }).click()
    const phone = '13912340000'
    await visible(page, 'input[name="smsPhone"]').fill(phone)
    await visible(page, '.login-send-code').click()
    await expect(page.getByText('验证码已发送至 139****0000').first().waitFor()).resolves.toBeUndefined()
    await expect.poll(() => sms.state.received.filter((m) => m.phone === phone).length).toBe(1)
    const code = sms.state.received.find((m) => m.phone === phone)!.params.code!
    // The resend button waits out its minute.
    await expect(visible(page, '.login-send-code').textContent()).resolves.toMatch(/秒后重发/)
    await page.screenshot({ path: 'artifacts/sms-login.png' })

    await visible(page, 'input[name="smsCode"]').fill(code)
    await visible(page, '.login-sms-submit').click()
    await page.waitForURL(/pages\/home/)
    await expect(page.getByText('我要反映').first().waitFor()).resolves.toBeUndefined()
    await context.close()
  })
})

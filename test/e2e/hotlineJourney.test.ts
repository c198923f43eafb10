import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import { startSmsStub } from '../../server/test/smsStub'
import { inboundSignature } from '../../server/src/ratings/inboundSms'
import { launchChromium, visible } from '../support/browser'
import { apiLogin, startServer, type RunningServer } from '../support/server'

const inboundSecret = 'e2e-inbound-secret-0123456789'
const operatorPassword = 'Hotline-Desk-2026!'

let sms: Awaited<ReturnType<typeof startSmsStub>>
let server: RunningServer
let browser: Browser
beforeAll(async () => {
  sms = await startSmsStub()
  server = await startServer(inject('mongoUri'), {
    ...sms.aliyunEnv(),
    SMS_INBOUND_SECRET: inboundSecret,
    OUTBOX_INTERVAL_MS: '500',
  })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await sms?.stop()
})

async function api<T>(path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })
  const body = (await response.json()) as T
  if (!response.ok) throw new Error(`${path} → ${response.status} ${JSON.stringify(body)}`)
  return body
}

/** Waits for the stub gateway to receive an SMS of the template for the phone. */
async function smsTo(phone: string, template: string) {
  await expect
    .poll(() => sms.state.received.some((m) => m.phone === phone && m.template === template), {
      timeout: 30_000,
    })
    .toBe(true)
  return sms.state.received.findLast((m) => m.phone === phone && m.template === template)!
}

describe('H5: a hotline call from intake to 满意率', { timeout: 300_000 }, () => {
  it('an operator files a call by keyboard, the caller looks it up, is told by SMS, rates by SMS reply, and it counts for the hotline', async () => {
    const admin = await apiLogin(server.baseUrl, '13800000001')
    const { units } = await api<{ units: Array<{ id: string; level: string }> }>('/units', admin.accessToken)
    const operatorPhone = '13900000066'
    await api('/users', admin.accessToken, {
      body: {
        phone: operatorPhone,
        name: '话务员小张',
        role: 'operator',
        password: operatorPassword,
        unitId: units[0]!.id,
      },
    })

    // The operator's desk: a desktop screen, logged in through the form.
    const desk = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
    const page = await desk.newPage()
    await page.goto(server.baseUrl)
    await page.waitForURL(/pages\/login/)
    await visible(page, 'input').nth(0).fill(operatorPhone)
    await visible(page, 'input[type="password"]').fill(operatorPassword)
    await page.locator('.nut-button', { hasText: /^登录$/ }).click()
    await page.waitForURL(/pages\/home/)
    await visible(page, '.home-entry-intake').click()
    await page.waitForURL(/admin\/intake/)
    await visible(page, 'input.intake-phone, .intake-phone input').waitFor()

    // The call, typed with the keyboard only: the phone field has the focus, Tab walks the form.
    const caller = '13712340099'
    const started = Date.now()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.intake-phone') !== null))
      .toBe(true)
    await page.keyboard.type(caller)
    await page.keyboard.press('Tab')
    await page.keyboard.type('王秀英')
    await page.keyboard.press('Tab')
    await page.keyboard.type('农家书屋开放时间太短')
    await page.keyboard.press('Tab')
    await page.keyboard.type('来电人反映幸福社区农家书屋只在工作日白天开放，周末借不到书。')
    await page.keyboard.press('Tab')
    await page.keyboard.type('书屋')
    // Before saving: where it goes, the time limit, and the demo's similar library case.
    await expect
      .poll(() => visible(page, '.intake-preview').innerText())
      .toContain('派往：和平区文化和旅游局')
    await expect.poll(() => visible(page, '.intake-preview').innerText()).toContain('7个工作日内答复')
    await expect.poll(() => visible(page, '.intake-similar').innerText()).toContain('农家书屋开放时间太短')
    await page.screenshot({ path: 'artifacts/intake-preview.png', fullPage: true })
    await page.keyboard.press('Enter')
    const saved = visible(page, '.intake-saved')
    await saved.waitFor()
    const elapsed = Date.now() - started
    console.log(`hotline call filed in ${(elapsed / 1000).toFixed(1)} s (target: under 60 s)`)
    const text = await saved.innerText()
    const number = /编号 (MQ\d{8}-\d{4})/.exec(text)![1]!
    const code = /查询码 ([A-Z0-9]{6})/.exec(text)![1]!
    // Ready for the next call: the form is empty again and the phone field has the focus.
    expect(await visible(page, 'input.intake-phone, .intake-phone input').inputValue()).toBe('')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.intake-phone') !== null))
      .toBe(true)
    await page.screenshot({ path: 'artifacts/intake-hotline.png', fullPage: true })

    // The caller is told by SMS: the case number and the query code.
    const accepted = await smsTo(caller, 'SMS_CASE_ACCEPTED')
    expect(accepted.params).toEqual({ number, code })

    // The caller, without an account, looks it up on a phone.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const lookup = await phone.newPage()
    await lookup.goto(`${server.baseUrl}/#/pages/lookup/index`)
    await visible(lookup, 'input.lookup-phone, .lookup-phone input').fill(caller)
    await visible(lookup, 'input.lookup-code, .lookup-code input').fill(code.toLowerCase())
    await lookup.locator('.nut-button', { hasText: /^查询$/ }).click()
    const result = visible(lookup, '.lookup-result')
    await result.waitFor()
    expect(await result.innerText()).toContain(number)
    expect(await result.innerText()).toContain('和平区文化和旅游局')
    expect(await result.innerText()).toContain('王**')
    expect(await result.innerText()).not.toContain('王秀英')
    await lookup.screenshot({ path: 'artifacts/lookup-by-code.png' })

    // The culture bureau accepts and resolves it; the caller is asked to rate by SMS.
    const handler = await apiLogin(server.baseUrl, '13800000003')
    const { items } = await api<{ items: Array<{ id: string; number: string }> }>(
      '/cases?scope=inbox&pageSize=50',
      handler.accessToken,
    )
    const caseId = items.find((item) => item.number === number)!.id
    for (const body of [
      { action: 'accept' },
      { action: 'resolve', message: '书屋已恢复开放，每周六日也开放。' },
    ])
      await api(`/cases/${caseId}/transitions`, handler.accessToken, { body })
    await smsTo(caller, 'SMS_CASE_RESOLVED')
    const request = await smsTo(caller, 'SMS_RATING_REQUEST')
    expect(request.params.reply).toContain('回复1满意')

    // The caller answers "1"; the gateway forwards the reply, signed.
    const reply = { phone: caller, content: '1', timestamp: new Date().toISOString() }
    const matched = await api<{ matched: boolean }>('/sms/inbound', null, { body: reply }).catch(
      (error: Error) => error,
    )
    expect(matched).toBeInstanceOf(Error) // unsigned: refused
    const signed = await fetch(`${server.baseUrl}/api/v1/sms/inbound`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Sms-Signature': inboundSignature(inboundSecret, reply),
      },
      body: JSON.stringify(reply),
    })
    expect(await signed.json()).toMatchObject({ matched: true, rating: 'satisfied' })

    // It counts in 满意率 for the hotline channel.
    const today = new Date()
    const figures = await api<{ rows: Array<{ source: string; rated: number; satisfactionRate: number }> }>(
      `/stats/satisfaction-by-channel?from=${new Date(today.getTime() - 86_400_000).toISOString()}&to=${new Date(today.getTime() + 60_000).toISOString()}`,
      admin.accessToken,
    )
    expect(figures.rows.find((row) => row.source === 'hotline')).toMatchObject({
      rated: 1,
      satisfactionRate: 1,
    })

    await lookup.reload()
    await visible(lookup, 'input.lookup-phone, .lookup-phone input').fill(caller)
    await visible(lookup, 'input.lookup-code, .lookup-code input').fill(code)
    await lookup.locator('.nut-button', { hasText: /^查询$/ }).click()
    await expect.poll(() => visible(lookup, '.lookup-result').innerText()).toContain('已销号')
    await desk.close()
    await phone.close()
  })
})

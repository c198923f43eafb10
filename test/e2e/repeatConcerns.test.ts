import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'
import { apiLogin } from '../support/server'

const app = serverAndBrowser()

async function api(token: string, method: string, url: string, body?: unknown) {
  const response = await fetch(`${app.server.baseUrl}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const answer = (await response.json()) as Record<string, unknown>
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(answer)}`)
  return answer
}

const matter = (title: string, description: string) => ({
  clientId: randomUUID(),
  kind: 'complaint',
  categoryCode: 'culture.library',
  title,
  description,
  contactPhone: '13912348765',
})

describe('H5: 重复诉求 (信访积案 / 未息诉息访)', () => {
  it('a leader sees a matter raised again after closure, with the earlier case, and names its 包案领导', async () => {
    // A resident's matter is handled and closed; the same phone raises it again.
    const resident = await apiLogin(app.server.baseUrl, '13800000005')
    const handler = await apiLogin(app.server.baseUrl, '13800000003')
    const leader = await apiLogin(app.server.baseUrl, '13800000002')
    const first = await api(
      resident.accessToken,
      'POST',
      '/cases',
      matter('幸福村农家书屋不开门', '幸福村农家书屋已经两个月没有开门了，希望恢复开放。'),
    )
    const firstId = first.id as string
    await api(handler.accessToken, 'POST', `/cases/${firstId}/transitions`, { action: 'accept' })
    await api(handler.accessToken, 'POST', `/cases/${firstId}/transitions`, {
      action: 'resolve',
      message: '书屋已恢复开放，每周六日开放。',
    })
    await api(leader.accessToken, 'POST', `/cases/${firstId}/transitions`, { action: 'close' })
    const again = await api(
      resident.accessToken,
      'POST',
      '/cases',
      matter('幸福村农家书屋又关门了', '农家书屋开了两周又关门了，还是没人管。'),
    )

    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000002', {
      viewport: { width: 390, height: 844 },
    })
    await page.goto(`${app.server.baseUrl}/#/pages/registry/repeatConcerns/index`)
    const card = visible(page, '.repeat-concern').filter({ hasText: again.number as string })
    // The flag may be written by a background step after the submit answered: reload until it shows.
    await expect
      .poll(
        async () => {
          if ((await card.count()) === 0) await page.reload()
          return card.count()
        },
        { timeout: 30_000, interval: 1500 },
      )
      .toBe(1)
    const text = await card.innerText()
    expect(text).toContain('幸福村农家书屋又关门了')
    expect(text).toContain('同一')
    expect(text).toContain(first.number as string)
    expect(text).toContain('此前已办结 1 次')
    expect(text).toContain('化解期限')
    expect(text).not.toContain('13912348765')
    await page.screenshot({ path: 'artifacts/repeat-concerns-phone.png', fullPage: true })

    // The leader names themself as 包案领导 by tapping their name.
    await card.locator('.nut-button', { hasText: /包案领导/ }).click()
    await card.locator('.mq-chip', { hasText: '王区长' }).click()
    await expect.poll(() => card.innerText()).toContain('包案领导：王区长')
    await page.screenshot({ path: 'artifacts/repeat-concerns-owned.png', fullPage: true })
    await page.context().close()

    const desk = await loggedInPage(app.browser, app.server.baseUrl, '13800000002', {
      viewport: { width: 1366, height: 900 },
    })
    await desk.goto(`${app.server.baseUrl}/#/pages/registry/repeatConcerns/index`)
    await visible(desk, '.repeat-concern').first().waitFor()
    expect(await visible(desk, '.console-menu-current').innerText()).toBe('重复诉求')
    await desk.screenshot({ path: 'artifacts/repeat-concerns-desktop.png', fullPage: true })
    await desk.context().close()
  })
})

import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'
import { apiLogin } from '../support/server'

const app = serverAndBrowser()

describe('H5: a district admin’s own time limits and holidays (issue 16)', () => {
  it('河东区’s admin sees 沿用市级设置, then 本区县设置 once they set their own, and restores the city’s', async () => {
    const base = app.server.baseUrl
    const { accessToken } = await apiLogin(base, '13800000006')
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${base}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    const page = await loggedInPage(app.browser, base, '13800000006', {
      viewport: { width: 1280, height: 900 },
    })
    await page.goto(`${base}/#/pages/admin/calendar/index`)
    const limits = visible(page, '.time-limits')
    await expect.poll(() => limits.innerText()).toContain('沿用市级设置')
    await expect.poll(() => visible(page, '.console-main').innerText()).not.toContain('恢复市级设置')

    // 河东区 sets its own limits (3 working days for general cases) and a local holiday this year.
    const city = (await (await call('GET', '/settings/time-limits')).json()) as Record<string, unknown>
    const answer = { ...(city.answer as object), general: { workingDays: 3 } }
    expect((await call('PUT', '/settings/time-limits', { ...city, answer })).status).toBe(200)
    const year = new Date().getFullYear()
    const arrangement = (await (await call('GET', `/calendars/${year}`)).json()) as { holidays: string[] }
    const holidays = [...new Set([...arrangement.holidays, `${year}-03-04`])].sort()
    expect((await call('PUT', `/calendars/${year}`, { holidays, workdays: [] })).status).toBe(200)

    await page.reload()
    await expect.poll(() => visible(page, '.time-limits').innerText()).toContain('本区县设置')
    await expect.poll(() => visible(page, '.time-limits').innerText()).toContain('一般：3 个工作日内答复')
    await expect.poll(() => visible(page, '.calendar-source').innerText()).toContain('本区县设置')
    await expect.poll(() => visible(page, '.calendar-own').innerText()).toContain(`${year}年`)
    await page.screenshot({ path: 'artifacts/tenant-settings-own.png', fullPage: true })

    // 恢复市级设置 for the time limits: confirmed, then the city's apply again.
    await visible(page, '.time-limits .setting-source-reset').click()
    await expect.poll(() => visible(page, '.taro-modal__title').textContent()).toBe('恢复市级设置')
    await visible(page, '.taro-model__confirm').click()
    await expect.poll(() => visible(page, '.time-limits').innerText()).toContain('沿用市级设置')
    await expect.poll(() => visible(page, '.time-limits').innerText()).toContain('一般：7 个工作日内答复')
    // And for the year.
    await visible(page, '.calendar-source .setting-source-reset').click()
    await visible(page, '.taro-model__confirm').click()
    await expect.poll(() => visible(page, '.calendar-source').innerText()).toContain('沿用市级设置')
    await expect.poll(() => visible(page, '.calendar-own').count()).toBe(0)
    await page.screenshot({ path: 'artifacts/tenant-settings-inherited.png', fullPage: true })
  })
})

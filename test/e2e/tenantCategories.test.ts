import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser()

describe('H5: categories per district (issue #16, tenants)', { timeout: 300_000 }, () => {
  it('河东区’s admin hides a city category for the district and sees its own as 本区; a 河东区 link names the district and offers its list', async () => {
    const admin = await loggedInPage(app.browser, app.server.baseUrl, '13800000006', {
      viewport: { width: 1280, height: 900 },
    })
    await admin.goto(`${app.server.baseUrl}/#/pages/admin/categories/index`)
    const row = (name: string) => visible(admin, '.mq-table-row').filter({ hasText: name })
    await expect.poll(() => row('住房物业').innerText()).toContain('市级')
    expect(await row('住房物业').innerText()).not.toContain('重命名')
    await expect.poll(() => row('河道管理').innerText()).toContain('本区')
    expect(await row('河道管理').innerText()).toContain('重命名')

    await row('住房物业').getByText('本区隐藏').click()
    await expect.poll(() => row('住房物业').innerText()).toContain('恢复')
    // Its children go with it, and the page says so.
    await expect.poll(() => row('物业服务').innerText()).toContain('随上级不显示')
    await admin.screenshot({ path: 'artifacts/tenant-categories-console.png', fullPage: true })

    const resident = await loggedInPage(app.browser, app.server.baseUrl, '13800000005')
    const chips = () => visible(resident, '.case-categories').innerText()
    await resident.goto(`${app.server.baseUrl}/#/pages/cases/submit/index?tenant=hedong`)
    await expect.poll(() => visible(resident, '.case-district').innerText()).toBe('受理区县：河东区')
    await expect.poll(chips).toContain('河道管理')
    expect(await chips()).not.toContain('住房物业')
    await resident.screenshot({ path: 'artifacts/tenant-categories-submit.png' })

    // 和平区 (no link code) is untouched by 河东区's choices.
    await resident.goto(`${app.server.baseUrl}/#/pages/cases/submit/index`)
    await expect.poll(chips).toContain('住房物业')
    expect(await chips()).not.toContain('河道管理')

    // Shown again for 河东区.
    await row('住房物业').getByText('恢复').click()
    await expect.poll(() => row('住房物业').innerText()).toContain('本区隐藏')
  })
})

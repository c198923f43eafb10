import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser({ shared: true })

describe('H5: the privacy agreement before the first privacy API', () => {
  it('refusing keeps the form usable; agreeing opens the photo picker and is remembered on 我的', async () => {
    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000005')
    await page.getByText('我要反映').click()
    await page.waitForURL(/cases\/submit/)

    // First privacy API: location. The guide is offered with the reason; the resident refuses.
    await visible(page, '.case-locate').click()
    await visible(page, '.mq-privacy-dialog').waitFor()
    await expect(visible(page, '.mq-privacy-reason').textContent()).resolves.toContain(
      '确定诉求或走访发生的地点',
    )
    await page.screenshot({ path: 'artifacts/privacy-dialog.png' })
    await visible(page, '.mq-privacy-refuse').click()
    await expect(
      page.getByText('未同意隐私保护指引，无法获取位置').first().waitFor(),
    ).resolves.toBeUndefined()
    expect(await visible(page, '.mq-privacy-dialog').count()).toBe(0)
    // The form still works without it.
    await visible(page, 'input[name="title"]').fill('路灯不亮')
    await expect(visible(page, 'input[name="title"]').inputValue()).resolves.toBe('路灯不亮')

    // Photos ask again; this time the resident agrees and the picker opens.
    const chooser = page.waitForEvent('filechooser')
    await visible(page, '.case-add-photo').click()
    await visible(page, '.mq-privacy-agree').click()
    await expect(chooser).resolves.toBeTruthy()

    // The agreement is kept, and the full guide is reachable from 我的.
    await page.goto(`${app.server.baseUrl}/#/pages/profile/index`)
    await visible(page, '.nut-cell').filter({ hasText: '隐私保护指引' }).click()
    await page.waitForURL(/pages\/privacy/)
    // Visible ones only: pages earlier in H5's stack stay in the document, hidden.
    await expect(
      page.getByText('保存多久').filter({ visible: true }).first().waitFor(),
    ).resolves.toBeUndefined()
    await expect(
      page.getByText('您已同意本指引').filter({ visible: true }).first().waitFor(),
    ).resolves.toBeUndefined()
    await page.screenshot({ path: 'artifacts/privacy-guide.png', fullPage: true })
    await page.context().close()
  })
})

describe('H5: the privacy dialog in 长辈模式', () => {
  it('keeps text ≥ 18 px and both buttons ≥ 60 px tall (MIIT 适老化)', async () => {
    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000005')
    await page.getByText('我的', { exact: true }).last().click()
    await page.waitForURL(/pages\/profile/)
    await page.locator('.profile-elder .nut-switch').click()
    await page.locator('.mq-page.mq-elder:visible').waitFor()
    await page.goto(`${app.server.baseUrl}/#/pages/cases/submit/index`)
    await visible(page, '.case-locate').click()
    await visible(page, '.mq-privacy-dialog').waitFor()
    await page.screenshot({ path: 'artifacts/elder-privacy-dialog.png' })
    for (const selector of [
      '.mq-privacy-title',
      '.mq-privacy-summary',
      '.mq-privacy-refuse',
      '.mq-privacy-agree',
    ]) {
      const box = visible(page, selector)
      expect(
        await box.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
        selector,
      ).toBeGreaterThanOrEqual(18)
      if (selector.endsWith('refuse') || selector.endsWith('agree'))
        expect((await box.boundingBox())!.height, selector).toBeGreaterThanOrEqual(60)
    }
    await page.context().close()
  })
})

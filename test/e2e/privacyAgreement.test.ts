import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser()

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
    await expect(page.getByText('保存多久').first().waitFor()).resolves.toBeUndefined()
    await expect(page.getByText('您已同意本指引').first().waitFor()).resolves.toBeUndefined()
    await page.screenshot({ path: 'artifacts/privacy-guide.png', fullPage: true })
    await page.context().close()
  })
})

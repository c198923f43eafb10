import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser()

const loggedIn = (phone: string) => loggedInPage(app.browser, app.server.baseUrl, phone)

describe('H5: review pages', () => {
  it('an admin reads the three rates with their definitions and the ranking; the board lists supervised cases', async () => {
    const page = await loggedIn('13800000001')
    await page.getByText('统计分析').click()
    await page.waitForURL(/review\/stats/)
    const rates = visible(page, '.review-rates')
    await expect.poll(() => rates.innerText()).toContain('响应率 = 签收时限内作出响应')
    // The demo's sample cases went to the culture and housing bureaus this month.
    await expect.poll(() => rates.innerText()).toContain('文化和旅游局')
    await expect.poll(() => visible(page, '.review-ranking').innerText()).toContain('样本不足，不参与排名')
    await page.goBack()
    await page.getByText('督办看板').first().click()
    await page.waitForURL(/review\/board/)
    await expect.poll(() => visible(page, '.board-flagged').innerText()).toContain('挂牌督办')
    await page.context().close()
  })

  it('a resident browses the echo wall without personal data', async () => {
    const page = await loggedIn('13800000005')
    await page.getByText('回音壁').click()
    await page.waitForURL(/review\/echo/)
    await visible(page, '.review-card').first().waitFor()
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/1[3-9]\d{9}/)
    await page.context().close()
  })
  it('a grid worker sees when paired households are due and opens the history of a pair', async () => {
    const page = await loggedIn('13800000004')
    await page.getByText('结对帮扶').click()
    await page.waitForURL(/visits\/pairs/)
    const pair = visible(page, '.pair-card').filter({ hasText: '王大爷' })
    await expect.poll(() => pair.innerText()).toContain('每14天回访')
    await pair.click()
    await expect.poll(() => visible(page, '.pair-history').first().innerText()).toContain('独居老人')
    await page.context().close()
  })
})

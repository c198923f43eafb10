import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser()

const phone = { width: 390, height: 844 }
const desktop = { width: 1366, height: 900 }
mkdirSync('artifacts/campaign', { recursive: true })

/** Two frames: the layout of a new viewport (and React's answer to it) has been painted. */
const painted = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))),
  )

/** A phone screenshot; console pages also at desktop width, then back to the phone. */
async function shoot(page: Page, name: string, options: { console?: boolean } = {}) {
  await painted(page)
  await page.screenshot({ path: `artifacts/campaign/${name}-phone.png`, fullPage: true })
  if (!options.console) return
  await page.setViewportSize(desktop)
  await painted(page)
  await page.screenshot({ path: `artifacts/campaign/${name}-desktop.png`, fullPage: true })
  await page.setViewportSize(phone)
  await painted(page)
}

const openTile = async (page: Page, title: string, url: RegExp) => {
  await visible(page, '.home-entry').filter({ hasText: title }).first().click()
  await page.waitForURL(url)
}

const tapChip = (page: Page, label: string) =>
  visible(page, '.mq-chip')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first()
    .click()

async function publicPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: phone, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

describe('H5: the campaign screens as their people use them (issues 16, 13)', () => {
  it(
    'a cadre records a 座谈会 and a contact-point activity; the campaign office reads the report, fills a roster gap and publishes the notice; a resident reads it; a leader opens an overdue rectification; an admin disables and re-enables an account and reads the change',
    { timeout: 180_000 },
    async () => {
      const { browser, server } = app

      // ── A grid worker (cadre) records a 座谈会 from the progress page.
      const cadre = await loggedInPage(browser, server.baseUrl, '13800000004')
      await openTile(cadre, '任务进度', /visits\/progress/)
      await expect.poll(() => visible(cadre, '.visit-my-progress').innerText()).toContain('我的进度')
      await shoot(cadre, '01-cadre-progress')
      await visible(cadre, '.nut-button').filter({ hasText: '记录宣讲、座谈会等活动' }).click()
      await cadre.waitForURL(/visits\/activity/)
      await tapChip(cadre, '座谈会')
      await visible(cadre, 'input[name="attendees"]').fill('25')
      await visible(cadre, 'input[name="opinions"]').fill('4')
      await visible(cadre, 'textarea').fill('幸福社区老旧小区改造居民座谈会，听取加装电梯意见。')
      await shoot(cadre, '02-cadre-activity-form')
      await visible(cadre, '.nut-button').filter({ hasText: /^保存/ }).click()
      await expect.poll(() => visible(cadre, '.visit-message').innerText()).toContain('已记录座谈会')
      await expect.poll(() => visible(cadre, '.visit-message').innerText()).toContain('已计入活动报告')
      await shoot(cadre, '03-cadre-activity-saved')

      // The grid worker's unit has no contact point yet: the page says who names them.
      await cadre.goto(`${server.baseUrl}/#/pages/home/index`)
      await openTile(cadre, '联系点', /visits\/contacts/)
      await expect.poll(() => visible(cadre, '.mq-page').innerText()).toContain('还没有联系点')
      await shoot(cadre, '04-cadre-contacts-empty')
      await cadre.context().close()

      // ── The district leader names a contact point and records an activity there.
      const leader = await loggedInPage(browser, server.baseUrl, '13800000002')
      await openTile(leader, '联系点', /visits\/contacts/)
      await visible(leader, '.nut-button').filter({ hasText: '新增联系点或共建对象' }).click()
      await tapChip(leader, '联系点')
      await tapChip(leader, '村')
      await visible(leader, 'input[name="name"]').fill('东湖村')
      await shoot(leader, '05-leader-contact-new')
      await visible(leader, '.nut-button')
        .filter({ hasText: /^保存$/ })
        .click()
      const point = visible(leader, '.visit-contact').filter({ hasText: '东湖村' })
      await expect.poll(() => point.innerText()).toContain('活动 0 次')
      await point.click()
      await visible(leader, '.visit-contact-log textarea').fill('到东湖村调研春耕用水，走访种粮大户三户。')
      await visible(leader, '.visit-contact-log .nut-button').click()
      await expect.poll(() => point.innerText()).toContain('活动 1 次')
      await expect.poll(() => visible(leader, '.visit-message').innerText()).toContain('已记录：东湖村')
      await shoot(leader, '06-leader-contact-logged')

      // ── The campaign office (admin) opens the report: the 座谈会 is counted.
      const office = await loggedInPage(browser, server.baseUrl, '13800000001')
      await openTile(office, '管理后台', /admin\/dashboard/)
      await visible(office, '.console-menu-item').filter({ hasText: '走访活动报告' }).click()
      await office.waitForURL(/admin\/campaignReport/)
      const sheet = visible(office, '.brief-sheet')
      await expect.poll(() => sheet.innerText()).toContain('召开座谈会 1 场')
      await expect.poll(() => sheet.innerText()).toContain('收集意见建议 4 条')
      await expect.poll(() => sheet.innerText()).toContain('走访群众 2 户')
      const districtRow = visible(office, '.mq-table-row').filter({ hasText: '和平区' })
      await expect.poll(() => districtRow.innerText()).toMatch(/和平区\s+3\s+2\s+1\s+0\s+4\s+0\s+0/)
      // Roster gaps: the demo roster has only today; tomorrow's working days are missing.
      const gaps = visible(office, '.campaign-duty-unit').filter({ hasText: '和平区' })
      await expect.poll(() => gaps.innerText()).toContain('尚无值班领导')
      const firstGap = (await visible(office, '.campaign-duty-day').first().innerText()).trim()
      await shoot(office, '07-office-report', { console: true })

      // It prints: the menu and the buttons stay off the paper.
      await expect.poll(() => visible(office, '.campaign-print').count()).toBeGreaterThan(0)
      await office.emulateMedia({ media: 'print' })
      await expect(visible(office, '.console-menu').count()).resolves.toBe(0)
      await expect(visible(office, '.campaign-print').count()).resolves.toBe(0)
      await expect.poll(() => visible(office, '.brief-sheet').innerText()).toContain('召开座谈会 1 场')
      await office.pdf({ path: 'artifacts/campaign/07-office-report-print.pdf', format: 'A4' })
      // The same as a picture, at an A4 page's width (794 CSS px), to judge the paper by eye.
      await office.setViewportSize({ width: 794, height: 1123 })
      await painted(office)
      await office.screenshot({ path: 'artifacts/campaign/07-office-report-print.png', fullPage: true })
      await office.setViewportSize(phone)
      await office.emulateMedia({ media: 'screen' })

      // Set a duty day: the first gap, 王区长, at the reception centre.
      await gaps.locator('.nut-button').filter({ hasText: '安排值班' }).click()
      await tapChip(office, firstGap)
      await tapChip(office, '王区长')
      await visible(office, 'input[name="dutyPlace"]').fill('区群众来访接待中心')
      await shoot(office, '08-office-duty-form', { console: true })
      await visible(office, '.campaign-duty-save').click()
      await expect
        .poll(() => visible(office, '.campaign-duty-message').innerText())
        .toContain(`已安排 ${firstGap} 王区长值班`)
      await expect.poll(() => visible(office, '.campaign-duty-day').first().innerText()).not.toBe(firstGap)
      const noticeUrl = (await visible(office, '.campaign-notice-link').first().innerText()).trim()
      expect(noticeUrl).toMatch(/pages\/lookup\/duty\/index\?unitId=[a-f0-9]{24}$/)
      await shoot(office, '09-office-duty-set', { console: true })

      // ── A resident opens the public notice without logging in.
      const resident = await publicPage(browser, noticeUrl)
      const notice = visible(resident, '.lookup-card')
      await expect.poll(() => notice.innerText()).toContain('和平区开门接访安排')
      await expect.poll(() => notice.innerText()).toContain(firstGap)
      await expect.poll(() => notice.innerText()).toContain('王区长')
      await expect.poll(() => notice.innerText()).toContain('区群众来访接待中心')
      expect(await resident.locator('body').innerText()).not.toMatch(/1[3-9]\d{9}/)
      await shoot(resident, '10-resident-duty-notice')
      await resident.context().close()

      // ── The leader sees the 整改超期 lane and opens an overdue problem.
      await leader.goto(`${server.baseUrl}/#/pages/home/index`)
      await openTile(leader, '督办看板', /review\/board/)
      const lane = visible(leader, '.board-rectification')
      await expect.poll(() => lane.innerText()).toMatch(/整改超期（[1-9]\d* 个问题）/)
      await expect.poll(() => lane.innerText()).toMatch(/超期 \d+ 天/)
      await shoot(leader, '11-leader-board', { console: true })
      const problem = lane.locator('.review-row').first()
      const problemTitle = (await problem.locator('.board-problem-title').innerText()).trim()
      await problem.click()
      await leader.waitForURL(/registry\/problem/)
      await expect
        .poll(() => visible(leader, '.registry-title').first().innerText())
        .toContain(problemTitle.replace(/^问题/, '').split('：')[0]!)
      await shoot(leader, '12-leader-problem')
      await leader.context().close()

      // ── The admin disables the grid worker: the confirmation names what the worker holds.
      await visible(office, '.console-menu-item').filter({ hasText: '单位与用户' }).click()
      await office.waitForURL(/admin\/units/)
      const worker = visible(office, '.mq-table-row').filter({ hasText: '张网格' })
      await worker.scrollIntoViewIfNeeded()
      await worker.locator('.units-toggle-disabled').click()
      await expect.poll(() => visible(office, '.taro-modal__title').textContent()).toBe('停用账号')
      await expect.poll(() => visible(office, '.taro-modal__content').textContent()).toContain('结对户 1 户')
      await shoot(office, '13-admin-disable-confirm', { console: true })
      await visible(office, '.taro-model__confirm').click()
      await expect.poll(() => worker.innerText()).toContain('已停用')
      await worker.scrollIntoViewIfNeeded()
      await shoot(office, '14-admin-disabled', { console: true })
      await worker.locator('.units-toggle-disabled').click()
      await expect.poll(() => worker.innerText()).not.toContain('已停用')

      // ── 配置变更记录: both changes, by whom, on whom.
      await visible(office, '.console-menu-item').filter({ hasText: '配置变更记录' }).click()
      await office.waitForURL(/admin\/configAudit/)
      // The person's name stays masked in the audit (张**); their unit says who it is.
      const rows = visible(office, '.mq-table-row')
        .filter({ hasText: '人员 张**' })
        .filter({ hasText: '幸福社区' })
      await expect.poll(() => rows.count()).toBe(2)
      await expect
        .poll(() => rows.first().innerText())
        .toMatch(/启用\s+状态：停用 → 启用\s+系统管理员（管理员）/)
      await expect
        .poll(() => rows.nth(1).innerText())
        .toMatch(/停用\s+状态：启用 → 停用\s+系统管理员（管理员）/)
      expect(await visible(office, '.mq-table').innerText()).not.toMatch(/disabled|true|false/)
      await shoot(office, '15-admin-config-audit', { console: true })
      await office.context().close()
    },
  )
})

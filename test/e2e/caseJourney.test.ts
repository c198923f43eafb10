import type { Browser } from 'playwright-core'
import path from 'node:path'
import { writeFileSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, loggedInPage, choosePhotos, visible } from '../support/browser'
import { startServer, type RunningServer } from '../support/server'

let server: RunningServer
let browser: Browser
let photoPath: string

beforeAll(async () => {
  server = await startServer(inject('mongoUri'))
  browser = await launchChromium()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-photo-'))
  photoPath = path.join(dir, 'library.png')
  writeFileSync(
    photoPath,
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    ),
  )
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const loggedIn = (phone: string) => loggedInPage(browser, server.baseUrl, phone)

describe('H5: a case from the resident to the unit and back', () => {
  it('resident submits with a photo → handler signs, replies, resolves → resident rates 满意 → closed', async () => {
    // The resident files a suggestion about the village library, with a photo.
    const resident = await loggedIn('13800000005')
    await resident.getByText('我要反映').click()
    await resident.waitForURL(/cases\/submit/)
    await visible(resident, '.case-kinds .mq-chip').filter({ hasText: '建议' }).click()
    await visible(resident, '.case-categories .mq-chip').filter({ hasText: '文化服务' }).click()
    await visible(resident, '.case-subcategories .mq-chip').filter({ hasText: '农家书屋' }).click()
    await visible(resident, 'input[name="title"]').fill('书屋周末不开门')
    await visible(resident, '.case-description textarea').fill('社区农家书屋周末不开门，希望周六也能借书。')
    await choosePhotos(resident, '.case-add-photo', photoPath)
    await expect.poll(() => visible(resident, '.case-photo-uploaded').count(), { timeout: 15_000 }).toBe(1)
    await visible(resident, '.case-submit').click()
    // Possible duplicates are shown once before filing; then 提交 again files a new case.
    await Promise.race([
      resident.waitForURL(/cases\/detail/, { timeout: 20_000 }),
      visible(resident, '.case-similar').first().waitFor({ timeout: 20_000 }),
    ])
    if (!/cases\/detail/.test(resident.url())) await visible(resident, '.case-submit').click()
    await resident.waitForURL(/cases\/detail/, { timeout: 20_000 })
    await expect(visible(resident, '.case-expected').textContent()).resolves.toMatch(/预计在 .+ 前答复您/)
    await expect(visible(resident, '.case-status').textContent()).resolves.toBe('待签收')
    await expect(
      resident.getByText('和平区文化和旅游局', { exact: true }).filter({ visible: true }).count(),
    ).resolves.toBe(1)
    const caseUrl = resident.url()
    // The photo is served through its signed URL.
    const photoLoaded = await visible(resident, '.case-photo img, img.case-photo')
      .first()
      .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)
      .catch(() => false)
    expect(photoLoaded).toBe(true)

    // The culture bureau's handler finds it in the inbox and works it.
    const handler = await loggedIn('13800000003')
    await handler.getByText('待办工单').click()
    await handler.waitForURL(/cases\/list/)
    await visible(handler, '.case-card').filter({ hasText: '书屋周末不开门' }).click()
    await handler.waitForURL(/cases\/detail/)
    // What happens next, and which deadline the clock counts down to.
    await expect
      .poll(() => visible(handler, '.case-next').textContent())
      .toContain('等待和平区文化和旅游局签收')
    await expect(visible(handler, '.case-deadline').textContent()).resolves.toMatch(/^签收期限 .+ · 剩余/)
    // 签收 needs nothing more: one tap.
    await visible(handler, '.case-action-accept').click()
    await expect.poll(() => visible(handler, '.case-status').textContent()).toBe('已签收')
    await expect(visible(handler, '.case-deadline').textContent()).resolves.toMatch(/^答复期限/)
    // 答复 opens its own sheet with only its fields, labelled.
    await visible(handler, '.case-action-reply').click()
    await expect(visible(handler, '.case-sheet-reply').innerText()).resolves.toContain('答复内容')
    await visible(handler, '.case-sheet-reply .case-action-text textarea').fill(
      '已协调志愿者，周六上午开放。',
    )
    await handler.screenshot({ path: 'artifacts/handler-reply-sheet.png', fullPage: true })
    await visible(handler, '.case-sheet-submit').click()
    await expect.poll(() => visible(handler, '.case-status').textContent()).toBe('已答复')
    // 办结 cannot be undone: it asks first, and 再想想 leaves the case as it was.
    await visible(handler, '.case-action-resolve').click()
    await visible(handler, '.case-sheet-resolve .case-action-text textarea').fill('书屋已于本周六起开放。')
    await visible(handler, '.case-sheet-submit').click()
    await expect.poll(() => visible(handler, '.taro-modal__title').textContent()).toBe('确认办结？')
    await handler.screenshot({ path: 'artifacts/handler-resolve-confirm.png' })
    await visible(handler, '.taro-model__cancel').click()
    await expect(visible(handler, '.case-status').textContent()).resolves.toBe('已答复')
    await visible(handler, '.case-sheet-submit').click()
    await visible(handler, '.taro-model__confirm').click()
    await expect.poll(() => visible(handler, '.case-status').textContent()).toBe('已办结待评价')

    // The resident is told: the home page counts unread notifications, the inbox lists them.
    await resident.goto(`${server.baseUrl}/#/pages/home/index`)
    await expect
      .poll(() => visible(resident, '.home-notifications-link').textContent())
      .toMatch(/消息（[1-9]\d*）/)
    await visible(resident, '.home-notifications-link').click()
    await resident.waitForURL(/notifications/)
    await expect
      .poll(() => resident.getByText('诉求已办结，请评价').filter({ visible: true }).count())
      .toBeGreaterThan(0)

    // The resident sees the answer and rates it 满意; the case is closed (销号).
    await resident.goto(caseUrl.replace('&new=1', ''))
    await resident.reload()
    await expect.poll(() => visible(resident, '.case-status').textContent()).toBe('已办结待评价')
    await expect(
      resident.getByText('已协调志愿者，周六上午开放。').filter({ visible: true }).count(),
    ).resolves.toBe(1)
    // Rating is the resident's main action: a card of its own; no competing 申请重新办理.
    await expect(visible(resident, '.case-rating-card').innerText()).resolves.toContain('请为这次办理评价')
    await expect(resident.locator('.case-action-reopen').count()).resolves.toBe(0)
    await resident.screenshot({ path: 'artifacts/resident-rating.png', fullPage: true })
    await visible(resident, '.case-rating-comment textarea').fill('周六能借书了，谢谢')
    await visible(resident, '.case-rate-satisfied').click()
    await expect.poll(() => visible(resident, '.case-status').textContent()).toBe('已销号')
    // Rated 满意 and closed: nothing is left to press.
    await expect(resident.locator('.case-action, .case-rating-card').count()).resolves.toBe(0)
    await expect(visible(resident, '.case-next').textContent()).resolves.toContain('已销号')
    await expect(
      visible(resident, '.case-timeline-item').filter({ hasText: '评价：满意' }).count(),
    ).resolves.toBe(1)
  })
})

describe('H5: duplicates before submitting', () => {
  it('a second resident is shown the similar open case and follows it instead of filing it again', async () => {
    const first = await loggedIn('13800000005')
    await first.getByText('我要反映').click()
    await first.waitForURL(/cases\/submit/)
    await visible(first, '.case-categories .mq-chip').filter({ hasText: '城市管理' }).click()
    await visible(first, '.case-subcategories .mq-chip').filter({ hasText: '道路设施' }).click()
    await visible(first, 'input[name="title"]').fill('东门路口井盖松动')
    await visible(first, '.case-description textarea').fill('东门路口的井盖松动，车开过去哐哐响')
    // Only a case its resident agreed to make public can be found and followed by others.
    await visible(first, '.nut-cell')
      .filter({ hasText: '同意办结后在回音壁公开' })
      .locator('.nut-switch')
      .click()
    await visible(first, '.case-submit').click()
    await first.waitForURL(/cases\/detail/, { timeout: 20_000 })

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const guest = await context.newPage()
    await guest.goto(server.baseUrl)
    await guest.waitForURL(/pages\/login/)
    await visible(guest, '.nut-button').filter({ hasText: '游客体验' }).click()
    await guest.waitForURL(/pages\/home/)
    await guest.getByText('我要反映').click()
    await visible(guest, '.case-categories .mq-chip').filter({ hasText: '城市管理' }).click()
    await visible(guest, '.case-subcategories .mq-chip').filter({ hasText: '道路设施' }).click()
    await visible(guest, 'input[name="title"]').fill('井盖松动')
    await visible(guest, '.case-description textarea').fill('东门路口井盖松动了，车开过去哐哐响')
    await visible(guest, '.case-submit').click()
    const match = visible(guest, '.case-similar').filter({ hasText: '东门路口井盖松动' })
    await match.waitFor()
    await match.locator('.case-follow').click()
    await guest.waitForURL(/cases\/detail/)
    await expect(
      guest.getByText('东门路口井盖松动').filter({ visible: true }).count(),
    ).resolves.toBeGreaterThan(0)
    await guest.goto(`${server.baseUrl}/#/pages/home/index`)
    await guest.reload()
    await guest.getByText('我的诉求').click()
    await guest.waitForURL(/cases\/list/)
    await expect.poll(() => visible(guest, '.case-card').count()).toBe(1)
    await expect(visible(guest, '.case-card').textContent()).resolves.toContain('东门路口井盖松动')
  })
})

describe('H5: correcting the category before signing', () => {
  it('a resident who picked the wrong category corrects it and the case is routed again', async () => {
    const resident = await loggedIn('13800000005')
    await resident.getByText('我要反映').click()
    await resident.waitForURL(/cases\/submit/)
    await visible(resident, '.case-categories .mq-chip').filter({ hasText: '其他' }).click()
    await visible(resident, 'input[name="title"]').fill('图书室借书难')
    await visible(resident, '.case-description textarea').fill('村图书室借书手续太麻烦，希望简化')
    await visible(resident, '.case-submit').click()
    await Promise.race([
      resident.waitForURL(/cases\/detail/, { timeout: 20_000 }),
      visible(resident, '.case-similar').first().waitFor({ timeout: 20_000 }),
    ])
    if (!/cases\/detail/.test(resident.url())) await visible(resident, '.case-submit').click()
    await resident.waitForURL(/cases\/detail/)
    await expect.poll(() => visible(resident, '.case-status').textContent()).toBe('待派单')

    await visible(resident, '.case-recategorize .mq-chip').filter({ hasText: '农家书屋' }).click()
    await expect.poll(() => visible(resident, '.case-status').textContent()).toBe('待签收')
    await expect(
      resident.getByText('和平区文化和旅游局', { exact: true }).filter({ visible: true }).count(),
    ).resolves.toBeGreaterThan(0)
    await expect(visible(resident, '.case-recategorize').count()).resolves.toBe(1) // still correctable until signed
  })
})

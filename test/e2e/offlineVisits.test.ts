import type { Browser, Page } from 'playwright-core'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, loggedInPage, choosePhotos, visible } from '../support/browser'
import { apiLogin, startServer, type RunningServer } from '../support/server'

let server: RunningServer
let browser: Browser
const photoPaths: string[] = []

const artifacts = path.resolve(import.meta.dirname, '../artifacts')

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  server = await startServer(inject('mongoUri'))
  browser = await launchChromium()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-visit-photo-'))
  for (const [index, color] of ['#c33', '#3a3', '#33c'].entries()) {
    const file = path.join(dir, `visit-${index}.jpg`)
    writeFileSync(
      file,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: color } })
        .jpeg()
        .toBuffer(),
    )
    photoPaths.push(file)
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const loggedIn = (phone: string) => loggedInPage(browser, server.baseUrl, phone)
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(artifacts, `offline-${name}.png`), fullPage: true })

async function householdsDone(page: Page): Promise<string> {
  const ring = visible(page, '.visit-my-progress .visit-ring-value').first()
  await ring.waitFor()
  return ring.innerText()
}

/** Fills and saves one visit; the form confirms and comes back empty for the next household. */
async function recordVisit(page: Page, index: number, problem?: { title: string; description: string }) {
  await visible(page, 'input[name="householdName"]').fill(`离线户${index}`)
  await visible(page, 'input[name="householdAddress"]').fill(`幸福村${index}组${index}号`)
  await visible(page, '.visit-tags .mq-chip').filter({ hasText: '困难户' }).click()
  await visible(page, '.visit-notes textarea').fill(`第${index}户：在村里没有信号时记录的民情日记。`)
  await choosePhotos(page, '.visit-add-photo', photoPaths[index]!)
  await visible(page, '.visit-photo').first().waitFor()
  if (problem) {
    await visible(page, '.visit-add-problem').click()
    await visible(page, '.visit-problem-categories .mq-chip').filter({ hasText: '文化服务' }).click()
    await visible(page, '.visit-problem-subcategories .mq-chip').filter({ hasText: '农家书屋' }).click()
    await visible(page, 'input[name="problemTitle0"]').fill(problem.title)
    await visible(page, '.visit-problem-description textarea').fill(problem.description)
  }
  await visible(page, '.visit-finish').click()
  await expect
    .poll(() => visible(page, '.visit-saved-meta').innerText())
    .toContain(`本机还有 ${index + 1} 条待同步`)
  expect(await visible(page, '.visit-saved-title').innerText()).toBe('已保存在本机，联网后自动同步')
  // Cleared, so nobody saves the same household twice: every field, photos and problems too.
  expect(await visible(page, 'input[name="householdName"]').inputValue()).toBe('')
  expect(await visible(page, 'input[name="householdAddress"]').inputValue()).toBe('')
  expect(await visible(page, '.visit-notes textarea').inputValue()).toBe('')
  expect(await visible(page, '.visit-photo').count()).toBe(0)
  expect(await visible(page, '.visit-problem').count()).toBe(0)
  expect(await visible(page, '.visit-tags .mq-chip-selected').count()).toBe(0)
}

describe('H5: visits recorded offline', () => {
  it('after one online visit the app cold-starts offline, records three visits, sends them by itself when the network returns, and a second phone sees them', async () => {
    const page = await loggedIn('13800000004')
    const context = page.context()
    // Online once: the pages, categories and the campaign are loaded and kept for offline use.
    await page.getByText('任务进度').click()
    await page.waitForURL(/visits\/progress/)
    expect(await householdsDone(page)).toBe('2/15') // the two seeded visits
    await page.goBack()
    await page.getByText('我的走访').click()
    await page.waitForURL(/visits\/list/)
    await visible(page, '.visit-new').click()
    await page.waitForURL(/visits\/new/)
    await visible(page, '.visit-campaigns .mq-chip').first().waitFor()
    // Categories kept too: the hint that they need one online load goes away.
    await expect.poll(() => visible(page, '.visit-hint').filter({ hasText: '分类需联网' }).count()).toBe(0)
    // The service worker has the whole app on the phone once it is active (installing = precaching).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))

    // No network from the first navigation on: a cold start (a new tab, nothing in memory).
    await context.setOffline(true)
    await page.close()
    const offline = await context.newPage()
    await offline.goto(server.baseUrl)
    await offline.waitForURL(/pages\/home/)
    await visible(offline, '.home-entry-myVisits').waitFor()
    await shot(offline, '1-home-cold-start')

    // 我的走访 opens and says that only this phone's visits can be shown.
    await visible(offline, '.home-entry-myVisits').click()
    await offline.waitForURL(/visits\/list/)
    await visible(offline, '.visit-history-offline').waitFor()
    await offline.goBack()
    // 新增走访（可离线）opens with the categories and campaign kept from the online visit.
    await visible(offline, '.home-entry-newVisit').click()
    await offline.waitForURL(/visits\/new/)
    await visible(offline, '.visit-campaigns .mq-chip').first().waitFor()
    await recordVisit(offline, 0)
    await shot(offline, '2-saved-form-cleared')
    await recordVisit(offline, 1)
    await recordVisit(offline, 2, {
      title: '农家书屋常年不开',
      description: '村里农家书屋常年锁门，村民希望能定时开放借书。',
    })

    await visible(offline, '.visit-saved-list').click()
    await offline.waitForURL(/visits\/list/)
    await expect.poll(() => visible(offline, '.visit-item-waiting').count()).toBe(3)
    expect(await visible(offline, '.visit-sync-summary').innerText()).toContain('待同步 3 条')
    await shot(offline, '3-queue-waiting')
    // Syncing on demand without a network keeps everything on the phone and says so.
    await visible(offline, '.visit-sync').click()
    await expect.poll(() => visible(offline, '.visit-message').innerText()).toContain('联网后自动同步')
    await expect.poll(() => visible(offline, '.visit-item-waiting').count()).toBe(3)
    // 走访详情 opens offline from what the phone holds.
    await visible(offline, '.visit-card').filter({ hasText: '离线户2' }).click()
    await offline.waitForURL(/visits\/detail/)
    await visible(offline, '.visit-problem-case').filter({ hasText: '同步后转为诉求' }).waitFor()
    await offline.goBack()
    await offline.waitForURL(/visits\/list/)

    // The network returns: the queue goes out by itself, nobody taps 立即同步.
    await context.setOffline(false)
    // "Within seconds": the online event starts it; the wait bounds a slow, shared CI machine.
    // Known open bug: in two fresh-clone CI runs (2026-12-02) none of the 3 was sent, with 20 s
    // and with 60 s (more than the retries 2 + 5 + 15 + 30 s): the sync sometimes never starts or
    // never ends after the network returns. Passes alone and in an earlier CI run.
    await expect
      .poll(() => visible(offline, '.visit-item-synced.visit-origin-local').count(), { timeout: 60_000 })
      .toBe(3)
    expect(await visible(offline, '.visit-sync-summary').innerText()).toContain('待同步 0 条')
    // The merged list shows each synced visit once, beside the two visits seeded on the server.
    await expect.poll(() => visible(offline, '.visit-card').count(), { timeout: 10_000 }).toBe(5)
    await shot(offline, '4-synced-by-itself')

    // The visit with a problem now links to the case it became.
    await visible(offline, '.visit-card').filter({ hasText: '离线户2' }).click()
    await offline.waitForURL(/visits\/detail/)
    await expect
      .poll(() => visible(offline, '.visit-problem-case').innerText(), { timeout: 10_000 })
      .toContain('已转诉求 MQ')

    await offline.goto(`${server.baseUrl}/#/pages/visits/progress/index`)
    await expect.poll(() => householdsDone(offline), { timeout: 10_000 }).toBe('5/15')

    // The culture bureau's handler finds the case in the inbox, routed by the category rule.
    const login = await apiLogin(server.baseUrl, '13800000003')
    const inbox = await fetch(`${server.baseUrl}/api/v1/cases?scope=inbox`, {
      headers: { Authorization: `Bearer ${login.accessToken}` },
    }).then(
      (response) =>
        response.json() as Promise<{
          items: Array<{ title: string; source: string; routing: { reason: string } }>
        }>,
    )
    const routed = inbox.items.find((item) => item.title === '农家书屋常年不开')
    expect(routed).toMatchObject({ source: 'visit' })
    expect(routed!.routing.reason).toContain('文化')
    await context.close()

    // A second phone: the same worker logs in and finds every visit in 我的走访, each once.
    const second = await loggedIn('13800000004')
    await second.getByText('我的走访').click()
    await second.waitForURL(/visits\/list/)
    await expect.poll(() => visible(second, '.visit-card').count(), { timeout: 10_000 }).toBe(5)
    for (const index of [0, 1, 2])
      expect(
        await visible(second, '.visit-card')
          .filter({ hasText: `离线户${index}` })
          .count(),
      ).toBe(1)
    expect(await visible(second, '.visit-item-synced.visit-origin-server').count()).toBe(5)
    expect(await visible(second, '.visit-history-offline').count()).toBe(0)
    await shot(second, '5-second-phone')
    // Its detail comes from the server, problem and case included.
    await visible(second, '.visit-card').filter({ hasText: '离线户2' }).click()
    await second.waitForURL(/visits\/detail/)
    await expect
      .poll(() => visible(second, '.visit-problem-case').innerText(), { timeout: 10_000 })
      .toContain('已转诉求 MQ')
    await shot(second, '6-second-phone-detail')
    await second.context().close()
    // Above the default 60 s: the automatic sync alone may wait out its retries (see above).
  }, 120_000)
})

import type { Browser, Page } from 'playwright-core'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, loggedInPage, choosePhotos, visible } from '../support/browser'
import { apiLogin, startServer, type RunningServer } from '../support/server'

let server: RunningServer
let browser: Browser
const photoPaths: string[] = []

beforeAll(async () => {
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

async function householdsDone(page: Page): Promise<string> {
  const ring = visible(page, '.visit-my-progress .visit-ring-value').first()
  await ring.waitFor()
  return ring.innerText()
}

async function recordVisit(page: Page, index: number, problem?: { title: string; description: string }) {
  await visible(page, '.visit-new').click()
  await page.waitForURL(/visits\/new/)
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
  await page.waitForURL(/visits\/list/)
}

describe('H5: visits recorded offline', () => {
  it('three visits with photos recorded offline are queued, sync when the network returns, move the quota, and a problem becomes a routed case', async () => {
    const page = await loggedIn('13800000004')
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
    await page.goBack()
    await page.waitForURL(/visits\/list/)

    await page.context().setOffline(true)
    await recordVisit(page, 0)
    await recordVisit(page, 1)
    await recordVisit(page, 2, {
      title: '农家书屋常年不开',
      description: '村里农家书屋常年锁门，村民希望能定时开放借书。',
    })
    const items = visible(page, '.visit-card')
    await expect.poll(() => items.count()).toBe(3)
    await expect.poll(() => visible(page, '.visit-item-waiting').count()).toBe(3)
    // Syncing on demand without a network keeps everything on the phone and says so.
    await visible(page, '.visit-sync').click()
    await expect.poll(() => visible(page, '.visit-message').innerText()).toContain('联网后自动同步')
    expect(await visible(page, '.visit-item-waiting').count()).toBe(3)

    // The network returns: the queue goes out by itself.
    await page.context().setOffline(false)
    await expect.poll(() => visible(page, '.visit-item-synced').count(), { timeout: 30_000 }).toBe(3)
    expect(await visible(page, '.visit-sync-summary').innerText()).toContain('待同步 0')

    // The visit with a problem now links to the case it became.
    await visible(page, '.visit-card').filter({ hasText: '离线户2' }).click()
    await page.waitForURL(/visits\/detail/)
    await expect
      .poll(() => visible(page, '.visit-problem-case').innerText(), { timeout: 10_000 })
      .toContain('已转诉求 MQ')

    await page.goto(`${server.baseUrl}/#/pages/visits/progress/index`)
    await expect.poll(() => householdsDone(page), { timeout: 10_000 }).toBe('5/15')

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
    await page.context().close()
  })
})

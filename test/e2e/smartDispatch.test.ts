import type { Browser } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadEvaluationSet } from '../../server/src/dispatch/evaluation/evaluationSet'
import { launchChromium, loggedInPage, visible } from '../support/browser'
import { apiLogin, startServer, type RunningServer } from '../support/server'

const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts')
let server: RunningServer
let browser: Browser

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  server = await startServer(inject('mongoUri'))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function api(token: string, method: string, url: string, body?: BodyInit, type?: string) {
  const response = await fetch(`${server.baseUrl}/api/v1${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
    body,
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** The shipped set's training half as a work-order export, with the seeded units' names. */
function historyCsv(): Blob {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`
  const lines = loadEvaluationSet()
    .filter((row) => row.split === 'train')
    .map((row, index) =>
      [`H-${index}`, row.text.slice(0, 10), row.text, row.categoryCode, row.unit, '2025-06-01 10:00']
        .map(quote)
        .join(','),
    )
  return new Blob([['编号,标题,内容,分类,责任单位,提交时间', ...lines].join('\n')], { type: 'text/csv' })
}

describe('H5: smart dispatch', { timeout: 240_000 }, () => {
  it('the submit form offers categories as the resident types; the dispatch queue shows the suggested unit and its words', async () => {
    const admin = await apiLogin(server.baseUrl, '13800000001')
    const resident = await apiLogin(server.baseUrl, '13800000005')
    // Filed before any model exists: no rule matches, so it waits in the dispatch centre's queue.
    const queued = await api(
      resident.accessToken,
      'POST',
      '/cases',
      JSON.stringify({
        clientId: 'e2e-dispatch-queued',
        kind: 'complaint',
        categoryCode: 'other',
        title: '楼下网吧让小学生进去',
        description: '晚上十点还有穿校服的孩子在网吧里打游戏，网管也不查身份证',
      }),
      'application/json',
    )
    expect(queued.body.status).toBe('submitted')

    // History comes in through the import, then the model is trained on it.
    const form = new FormData()
    form.append('file', historyCsv(), 'history.csv')
    const imported = await api(admin.accessToken, 'POST', '/imports/cases', form)
    expect(imported.status).toBe(200)
    expect(imported.body.errors).toEqual([])
    const trained = await api(admin.accessToken, 'POST', '/dispatch/model/train', '{}', 'application/json')
    expect(trained.body.samples).toBeGreaterThan(1000)

    // The resident types; the form offers the categories it reads in the words.
    const page = await loggedInPage(browser, server.baseUrl, '13800000005')
    await page.getByText('我要反映').click()
    await page.waitForURL(/cases\/submit/)
    await visible(page, 'input[name="title"]').fill('暖气不热')
    await visible(page, '.case-description textarea').fill('家里暖气片一点都不热，屋里才十二度，老人冻感冒了')
    const hint = visible(page, '.case-category-hint').first()
    await hint.waitFor({ timeout: 20_000 })
    await expect(hint.textContent()).resolves.toBe('供暖')
    await page.screenshot({ path: path.join(artifacts, 'dispatch-submit-hints.png'), fullPage: true })
    await hint.click()
    // Picking the hint selects the category above (parent and sub-category).
    await expect(visible(page, '.case-categories .mq-chip-selected').textContent()).resolves.toBe('水电气暖')
    await expect(visible(page, '.case-subcategories .mq-chip-selected').textContent()).resolves.toBe('供暖')

    // The dispatcher's queue shows where the model would send the waiting case, and why.
    const dispatcher = await loggedInPage(browser, server.baseUrl, '13800000001')
    await dispatcher.goto(`${server.baseUrl}/#/pages/cases/list/index?scope=queue`)
    const item = visible(dispatcher, '.case-list-item').filter({ hasText: '楼下网吧让小学生进去' })
    const unit = item.locator('.case-queue-suggestion-unit')
    await unit.waitFor({ timeout: 20_000 })
    await expect(unit.textContent()).resolves.toMatch(/^建议派往：和平区文化和旅游局（置信度 0\.\d\d）$/)
    await expect(item.locator('.case-queue-suggestion-terms').textContent()).resolves.toContain('网吧')
    await dispatcher.screenshot({
      path: path.join(artifacts, 'dispatch-queue-suggestion.png'),
      fullPage: true,
    })
  })
})

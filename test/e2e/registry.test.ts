import ExcelJS from 'exceljs'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { choosePhotos, loggedInPage, visible, downloadedFile } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'
import { apiLogin } from '../support/server'

const app = serverAndBrowser()
const desktop = { viewport: { width: 1280, height: 900 } }

async function api(token: string, method: string, url: string, body?: unknown) {
  const response = await fetch(`${app.server.baseUrl}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('H5: 民情档案 and 整改台账', () => {
  it('a grid worker opens a household page that gathers the visits of two cadres, contact masked until revealed', async () => {
    // The district leader visits the demo household too, linking the visit to its archive.
    const leader = await apiLogin(app.server.baseUrl, '13800000002')
    const staff = await apiLogin(app.server.baseUrl, '13800000004')
    const found = await api(staff.accessToken, 'GET', `/households?q=${encodeURIComponent('王大爷')}`)
    const household = (found.body.items as Array<{ id: string }>)[0]!
    const synced = await api(leader.accessToken, 'POST', '/visits/sync', {
      visits: [
        {
          clientId: 'e2e-leader-visit-0001',
          visitedAt: new Date(Date.now() - 3_600_000).toISOString(),
          householdId: household.id,
          household: { name: '王大爷', address: '幸福社区3号楼' },
          purposes: ['visiting', 'resolvingDisputes'],
          notes: '区领导走访，了解老人就医困难，协调家庭医生上门。',
        },
      ],
    })
    expect((synced.body.results as Array<{ status: string }>)[0]!.status).toBe('created')

    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000004')
    await page.goto(`${app.server.baseUrl}/#/pages/registry/households/index`)
    await visible(page, 'input[name="householdQuery"], .households-search').first().waitFor()
    await visible(page, 'input').first().fill('王大爷')
    await visible(page, '.households-search').click()
    const row = visible(page, '.household-row').filter({ hasText: '王大爷' })
    await expect.poll(() => row.innerText()).toContain('139****0000')
    await row.click()
    await page.waitForURL(/registry\/household\//)
    const visits = visible(page, '.household-visit')
    await expect.poll(() => visits.count()).toBe(2)
    const text = await visible(page, '.household-page').innerText()
    expect(text).toContain('王区长')
    expect(text).toContain('张网格')
    expect(text).toContain('协调家庭医生上门')
    expect(text).not.toContain('13912340000')
    await page.screenshot({ path: 'artifacts/registry-household-page.png', fullPage: true })
    await visible(page, '.household-reveal').click()
    await expect.poll(() => visible(page, '.household-page').innerText()).toContain('13912340000')
    await page.context().close()
  })

  it('a district leader creates a list from an outline, takes a problem to 销号 with evidence, exports the ledger and prints the report', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-evidence-'))
    const photo = path.join(dir, 'evidence.jpg')
    writeFileSync(
      photo,
      await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
        .jpeg()
        .toBuffer(),
    )
    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000002', desktop)
    await page.goto(`${app.server.baseUrl}/#/pages/registry/rectification/index`)
    // The seeded list is there with its headline.
    await expect
      .poll(() => visible(page, '.rectification-list').first().innerText())
      .toContain('三方面17项43个问题，已整改完成5个')
    await visible(page, 'input[name="listTitle"]').fill('幸福街道督查反馈问题整改')
    await visible(page, '.rectification-outline textarea').fill(
      [
        '一、为民服务方面',
        '1. 诉求办理不及时',
        '- 热线工单超时未签收',
        '- 回访不到位',
        '二、作风建设方面',
        '1. 会风文风',
        '- 会议过多过长',
      ].join('\n'),
    )
    await visible(page, '.rectification-source .mq-chip').filter({ hasText: '督查通报' }).click()
    await visible(page, '.rectification-create').click()
    await expect
      .poll(() => visible(page, '.rectification-headline').innerText())
      .toBe('二方面2项3个问题，已整改完成0个')
    await expect
      .poll(() =>
        visible(page, '.rectification-list').filter({ hasText: '幸福街道督查反馈问题整改' }).innerText(),
      )
      .toContain('督查通报')
    await page.screenshot({ path: 'artifacts/registry-rectification-tree.png', fullPage: true })

    await visible(page, '.rectification-problem').filter({ hasText: '热线工单超时未签收' }).click()
    await page.waitForURL(/registry\/problem\//)
    await visible(page, '.problem-note textarea').fill('已建立工单超时预警，每日通报')
    await visible(page, '.problem-progress').click()
    await expect.poll(() => visible(page, '.problem-sheet').innerText()).toContain('已建立工单超时预警')
    await choosePhotos(page, '.problem-evidence', photo)
    await expect.poll(() => visible(page, '.problem-evidence').innerText()).toContain('（1）')
    await visible(page, '.problem-note textarea').fill('整改完成，近一月签收及时率100%')
    await visible(page, '.problem-close').click()
    await expect.poll(() => visible(page, '.problem-status').innerText()).toContain('待审核销号')
    await visible(page, '.problem-closure img').first().waitFor()
    await visible(page, '.problem-approve').click()
    await expect.poll(() => visible(page, '.problem-status').innerText()).toContain('已销号')
    await page.screenshot({ path: 'artifacts/registry-problem-sheet.png', fullPage: true })

    await page.goBack()
    await page.waitForURL(/registry\/rectification\//)
    await visible(page, '.rectification-list').filter({ hasText: '幸福街道督查反馈问题整改' }).click()
    await expect
      .poll(() => visible(page, '.rectification-headline').innerText())
      .toBe('二方面2项3个问题，已整改完成1个')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      visible(page, '.rectification-export').click(),
    ])
    expect(download.suggestedFilename()).toBe('整改台账_幸福街道督查反馈问题整改.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await downloadedFile(download))
    const sheet = workbook.getWorksheet('整改台账')!
    expect(sheet.getRow(1).values).toContain('整改状态')
    expect(sheet.rowCount).toBe(4)
    const statuses: string[] = []
    sheet.eachRow(
      (row, index) => index > 1 && statuses.push(`${row.getCell(4).value}:${row.getCell(10).value}`),
    )
    expect(statuses).toEqual(['热线工单超时未签收:已销号', '回访不到位:整改中', '会议过多过长:整改中'])

    await visible(page, '.rectification-report').click()
    await page.waitForURL(/registry\/report\//)
    await expect
      .poll(() => visible(page, '.registry-report-headline').innerText())
      .toBe('二方面2项3个问题，已整改完成1个')
    expect(await visible(page, '.registry-report-title').innerText()).toBe('幸福街道督查反馈问题整改情况报告')
    await page.screenshot({ path: 'artifacts/registry-report.png', fullPage: true })
    await page.context().close()
  })
})

import ExcelJS from 'exceljs'
import { MongoClient, ObjectId } from 'mongodb'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loggedInPage, visible, downloadedFile } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'
import { apiLogin } from '../support/server'

const app = serverAndBrowser()
const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts')
mkdirSync(artifacts, { recursive: true })

const api = async (token: string, method: string, url: string, body?: unknown) => {
  const response = await fetch(`${app.server.baseUrl}/api/v1${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

/** The database the test's server writes (its own, fresh for this file). */
async function withDatabase<T>(use: (db: ReturnType<MongoClient['db']>) => Promise<T>): Promise<T> {
  const client = await MongoClient.connect(app.server.mongoUri)
  try {
    return await use(client.db())
  } finally {
    await client.close()
  }
}

describe('H5: 回头看 and the visit ledger', () => {
  it('a resident answers a 回头看 of their closed case by tapping what they see', async () => {
    // The demo resident rates the demo's resolved case: it closes. The hourly sampler draws closed
    // cases some weeks old; here its one row is written as it would write it.
    const resident = await apiLogin(app.server.baseUrl, '13800000005')
    const list = (await api(resident.accessToken, 'GET', '/cases?scope=all&pageSize=50')) as {
      items: Array<{ id: string; title: string }>
    }
    const opera = list.items.find((item) => item.title === '送戏下乡演得好')!
    await api(resident.accessToken, 'POST', `/cases/${opera.id}/transitions`, {
      action: 'rate',
      rating: 'satisfied',
    })
    await withDatabase(async (db) => {
      const closed = await db.collection('cases').findOne({ _id: new ObjectId(opera.id) })
      expect(closed?.status).toBe('closed')
      await db.collection('followups').insertOne({
        caseId: closed!._id,
        residentId: closed!.createdBy,
        unitId: closed!.unitId ?? null,
        sampledAt: new Date(),
        answer: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      })
    })

    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000005')
    // The home says there is a question waiting, and how many.
    const tile = visible(page, '.home-entry-followUps')
    await expect.poll(() => tile.innerText()).toContain('回头看')
    await expect.poll(() => visible(page, '.home-entry-followUps .home-entry-count').innerText()).toBe('1')
    await page.screenshot({ path: path.join(artifacts, 'followUp-home.png') })
    await tile.click()
    await page.waitForURL(/cases\/followUps/)
    const card = visible(page, '.follow-up-card').filter({ hasText: '送戏下乡演得好' })
    await card.waitFor()
    await expect.poll(() => card.innerText()).toContain('这个问题现在解决了吗')
    await visible(page, '.follow-up-comment textarea').fill('演出又来了两场，很好')
    await page.screenshot({ path: path.join(artifacts, 'followUp-answer.png') })
    await visible(page, '.follow-up-solved').click()
    await visible(page, '.mq-empty').filter({ hasText: '没有待回答的回头看' }).waitFor()
    await page.screenshot({ path: path.join(artifacts, 'followUp-done.png') })

    const answered = await withDatabase((db) =>
      db.collection('followups').findOne({ caseId: new ObjectId(opera.id) }),
    )
    expect(answered?.answer).toMatchObject({ solved: true, comment: '演出又来了两场，很好' })
    // Answered: the home no longer asks.
    await page.goBack()
    await page.waitForURL(/pages\/home/)
    await page.reload()
    await visible(page, '.home-entry-myCases').waitFor()
    await expect(visible(page, '.home-entry-followUps').count()).resolves.toBe(0)
    await page.context().close()
  })

  it('a leader downloads the 走访台账 for a period and unit, and the file holds the visit', async () => {
    // The grid worker's visit of today, synced as the phone would sync it.
    const staff = await apiLogin(app.server.baseUrl, '13800000004')
    const synced = (await api(staff.accessToken, 'POST', '/visits/sync', {
      visits: [
        {
          clientId: 'e2e-ledger-visit-1',
          visitedAt: new Date().toISOString(),
          household: { name: '刘奶奶', address: '幸福社区8号楼', tags: [] },
          purposes: ['visiting'],
          notes: '台账测试：屋内暖气不热，已联系物业。',
        },
      ],
    })) as { results: Array<{ status: string }> }
    expect(synced.results[0]!.status).toBe('created')

    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000002', {
      viewport: { width: 1280, height: 900 },
    })
    await visible(page, '.home-entry-console').click()
    await page.waitForURL(/admin\/dashboard/)
    await visible(page, '.console-menu-item').filter({ hasText: '走访台账' }).click()
    await page.waitForURL(/admin\/visitLedger/)
    // A leader is offered their own unit (and those below it), by default the whole subtree.
    await expect.poll(() => visible(page, '.visit-ledger-unit').innerText()).toContain('本单位及下级')
    await page.screenshot({ path: path.join(artifacts, 'visitLedger-page.png') })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      visible(page, '.visit-ledger-xlsx').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^走访台账_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/)
    await expect.poll(() => visible(page, '.visit-ledger-progress').innerText()).toContain('已导出')
    await page.screenshot({ path: path.join(artifacts, 'visitLedger-exported.png') })

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await downloadedFile(download))
    const sheet = workbook.getWorksheet('走访台账')!
    const rows: string[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))))
    expect(rows[0]).toContain('民情日记')
    const visitRow = rows.find((row) => row.some((cell) => cell.includes('屋内暖气不热')))
    expect(visitRow).toBeDefined()
    expect(visitRow).toContain('张网格')
    await page.context().close()
  })
})

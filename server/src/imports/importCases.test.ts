import ExcelJS from 'exceljs'
import { caseImportResultSchema } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { caseLedgerRows } from '../exports/ledgerRows'
import { resetDispatchModel } from '../dispatch/modelStore'
import { parseChinaTime } from './parseCaseRow'

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('工单')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const header = ['编号', '标题', '内容', '分类', '责任单位', '提交时间', '办结时间', '状态', '答复']

describe('import of historical cases', { timeout: 120_000 }, () => {
  it('imports closed history from .xlsx, reports bad rows, validates only on dryRun, and skips what is already there', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const file = await workbook([
      header,
      [
        'GD2023-0001',
        '楼上漏水',
        '楼上卫生间漏水，天花板泡了',
        'housing.repair',
        '住建局',
        '2023-05-01 10:00',
        '2023-05-03 17:30',
        '已办结',
        '已联系楼上住户维修',
      ],
      [
        'GD2023-0002',
        '网吧',
        '网吧让未成年人上网',
        '网吧',
        '文旅局',
        new Date(Date.UTC(2023, 4, 2, 9, 15)),
        '',
        '',
        '',
      ],
      ['GD2023-0003', '', '广场舞音响太吵', 'urban.noise', '街道', '2023/5/3', '', '办结', ''],
      ['GD2023-0004', '乱填', '内容', '不存在的分类', '火星局', '2023-02-30', '', '办理中', ''],
      ['GD2023-0001', '重复', '同一编号又出现了', 'other', '街道', '2023-05-05', '', '', ''],
    ])
    const post = (query = '') =>
      request
        .post(`/api/v1/imports/cases${query}`)
        .set(world.admin.auth)
        .attach('file', file, { filename: '历史工单.xlsx' })

    const dry = await post('?dryRun=true')
    expect(dry.status).toBe(200)
    expect(caseImportResultSchema.parse(dry.body)).toMatchObject({ imported: 3, skipped: 0 })
    expect(dry.body.errors).toEqual([
      {
        row: 5,
        issues: [
          '分类「不存在的分类」不存在',
          '责任单位「火星局」不存在',
          '提交时间无法识别（例：2023-05-01 10:00）',
          '状态「办理中」不是已办结：只导入办结的历史工单',
        ],
      },
      { row: 6, issues: ['编号与第2行重复'] },
    ])
    expect(await CaseModel.countDocuments({ source: 'import' })).toBe(0)

    const real = await post()
    expect(real.body).toMatchObject({ imported: 3, skipped: 0 })
    const stored = await CaseModel.findOne({ number: 'GD2023-0001' })
    expect(stored).toMatchObject({ source: 'import', status: 'closed', categoryCode: 'housing.repair' })
    expect(String(stored!.unitId)).toBe(world.housing.id)
    expect(stored!.submittedAt.toISOString()).toBe('2023-05-01T02:00:00.000Z') // 10:00 China time
    const netcafe = await CaseModel.findOne({ number: 'GD2023-0002' })
    expect(netcafe).toMatchObject({ categoryCode: 'culture.netcafe' }) // by name
    expect(netcafe!.submittedAt.toISOString()).toBe('2023-05-02T01:15:00.000Z') // an Excel date cell, China wall clock
    expect((await CaseModel.findOne({ number: 'GD2023-0003' }))!.title).toBe('广场舞音响太吵')
    const events = await CaseEventModel.find({ caseId: stored!._id })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ action: 'import', message: '已联系楼上住户维修' })

    // The same file again: everything already there is skipped, nothing doubled.
    const again = await post()
    expect(again.body).toMatchObject({ imported: 0, skipped: 3 })
    expect(await CaseModel.countDocuments({ source: 'import' })).toBe(3)

    // Visible in the ledger, with its source.
    const ledger = []
    for await (const row of caseLedgerRows({ from: new Date('2023-01-01'), to: new Date('2023-12-31') }))
      ledger.push(row)
    expect(ledger.map((row) => row.source)).toEqual(['历史导入', '历史导入', '历史导入'])

    // And the dispatch model learns from it.
    resetDispatchModel()
    const trained = await request.post('/api/v1/dispatch/model/train').set(world.admin.auth).send({})
    expect(trained.body.samples).toBe(3)
  })

  it('refuses what is not an import: other roles, no file, wrong type, missing columns, unreadable content', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const csv = (text: string, filename = 'cases.csv') =>
      request
        .post('/api/v1/imports/cases')
        .set(world.admin.auth)
        .attach('file', Buffer.from(text), { filename })

    // Both worlds of this file have a 文旅局: a repeated unit name is refused, never guessed.
    const rows = `C-1,书屋,农家书屋不开门,culture.library,文旅局,2024-03-01 08:00\nC-2,书屋,书屋没有新书,culture.library,${world.district.name},2024-03-01 08:00\n`
    const withBom = await csv(`\uFEFF编号,标题,内容,分类,责任单位,提交时间\n${rows}`)
    expect(withBom.body).toEqual({
      imported: 1,
      skipped: 0,
      errors: [{ row: 2, issues: ['责任单位「文旅局」有重名，无法确定'] }],
    })

    const missing = await csv('编号,标题,内容\nC-2,a,b\n')
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({
      code: 'IMPORT_COLUMNS_MISSING',
      details: { missing: ['分类', '责任单位', '提交时间'] },
    })
    expect(missing.body.error.message).toContain('表头')

    const garbage = await csv('not a workbook', 'cases.xlsx')
    expect(garbage.status).toBe(400)
    expect(garbage.body.error.code).toBe('IMPORT_FILE_UNREADABLE')

    const text = await csv('x', 'cases.txt')
    expect(text.status).toBe(400)
    expect(text.body.error.issues[0]).toMatchObject({ path: 'file', code: 'type' })

    const json = await request.post('/api/v1/imports/cases').set(world.admin.auth).send({})
    expect(json.status).toBe(415)
    const noFile = await request.post('/api/v1/imports/cases').set(world.admin.auth).field('x', '1')
    expect(noFile.body.error.issues[0]).toMatchObject({ path: 'file', code: 'required' })
    const leader = await request
      .post('/api/v1/imports/cases')
      .set(world.districtLeader.auth)
      .attach('file', Buffer.from('编号'), { filename: 'a.csv' })
    expect(leader.status).toBe(403)
    const badQuery = await request.post('/api/v1/imports/cases?dryRun=yes').set(world.admin.auth)
    expect(badQuery.status).toBe(400)
  })
})

describe('parseChinaTime', () => {
  it('reads work-order time formats as China time and refuses impossible dates', () => {
    expect(parseChinaTime('2023-05-01 10:00')?.toISOString()).toBe('2023-05-01T02:00:00.000Z')
    expect(parseChinaTime('2023年5月1日')?.toISOString()).toBe('2023-04-30T16:00:00.000Z')
    expect(parseChinaTime('2023/5/1 08:30:15')?.toISOString()).toBe('2023-05-01T00:30:15.000Z')
    expect(parseChinaTime('2023-02-30')).toBeNull()
    expect(parseChinaTime('昨天')).toBeNull()
    expect(parseChinaTime('2023-05-01 25:00')).toBeNull()
  })
})

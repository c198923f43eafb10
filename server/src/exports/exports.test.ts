import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'

/** supertest parser that keeps the body as bytes. */
const binary = (response: unknown, callback: (error: Error | null, body: unknown) => void) => {
  const stream = response as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  stream.on('end', () => callback(null, Buffer.concat(chunks)))
}

describe('ledger exports', () => {
  it('streams the case ledger as .xlsx with the ledger columns, row by row, and as CSV', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const numbers: string[] = []
    for (let i = 0; i < 3; i++) {
      const submitted = await request
        .post('/api/v1/cases')
        .set(world.resident.auth)
        .send(
          caseBody({
            title: i === 2 ? '=1+1书屋' : `书屋建议${i}`,
            description: '书屋周末不开门',
          }),
        )
      numbers.push(submitted.body.number)
    }
    const first = (
      await request.get('/api/v1/cases?scope=inbox').set(world.cultureHandler.auth)
    ).body.items.find((item: { number: string }) => item.number === numbers[0])
    const act = (body: object, auth = world.cultureHandler.auth) =>
      request.post(`/api/v1/cases/${first.id}/transitions`).set(auth).send(body)
    await act({ action: 'accept' })
    await act({ action: 'resolve', message: '书屋已恢复周末开放' })
    await act({ action: 'rate', rating: 'satisfied' }, world.resident.auth)

    const answer = await request
      .get(`/api/v1/exports/cases.xlsx?from=2026-03-01&to=2026-03-31&unitId=${world.culture.id}`)
      .set(world.admin.auth)
      .buffer(true)
      .parse(binary as never)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toContain('spreadsheetml')
    expect(answer.headers['content-disposition']).toContain('.xlsx')
    expect(answer.headers['x-total-rows']).toBe(String(numbers.length))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.body as ArrayBuffer)
    const sheet = workbook.getWorksheet('诉求台账')!
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][]
    expect(rows[0]!.slice(1)).toEqual([
      '编号',
      '来源渠道',
      '反映人',
      '联系电话',
      '诉求内容',
      '分类',
      '责任单位',
      '协办单位',
      '责任人',
      '包案领导',
      '受理时间',
      '办理时限',
      '办理情况',
      '移交/退回次数',
      '督办',
      '是否超期',
      '办结时间',
      '群众评价',
      '回访结果',
    ])
    expect(rows).toHaveLength(4)
    const residentName = world.resident.user.name
    expect(rows[1]!.slice(1)).toEqual([
      numbers[0],
      '群众小程序',
      `${Array.from(residentName)[0]}${'*'.repeat(Array.from(residentName).length - 1)}`, // masked
      '137****5678', // masked
      '书屋建议0：书屋周末不开门',
      '农家书屋',
      '文旅局',
      undefined, // no co-handling unit: an empty cell
      world.cultureHandler.user.name,
      undefined, // no 包案 leader
      '2026-03-02 09:00',
      expect.stringMatching(/^2026-03-1\d 23:59$/),
      '【已销号】书屋已恢复周末开放',
      '0/0',
      undefined, // not supervised
      '否',
      '2026-03-02 09:00',
      '满意',
      // 回访结果: not sampled for 回头看, an empty last cell (exceljs leaves it out of the row)
    ])
    expect(rows.slice(2).map((row) => [row[1], row[7], row[13]])).toEqual([
      [numbers[1], '文旅局', '【待签收】'],
      [numbers[2], '文旅局', '【待签收】'],
    ])

    const csv = await request
      .get('/api/v1/exports/cases.csv?from=2026-03-01&to=2026-03-31')
      .set(world.admin.auth)
      .buffer(true)
      .parse(binary as never)
    const text = (csv.body as Buffer).toString('utf8')
    expect(text.startsWith('\ufeff编号,来源渠道,反映人')).toBe(true)
    expect(text.trim().split('\r\n')).toHaveLength(4)
    expect(text).toContain(",'=1+1书屋：书屋周末不开门,") // a formula stays text

    // A leader exports their own subtree only.
    const outsider = await loginAs(request, await buildUser({ role: 'leader' }))
    const refused = await request
      .get(`/api/v1/exports/cases.xlsx?from=2026-03-01&to=2026-03-31&unitId=${world.culture.id}`)
      .set({ Authorization: `Bearer ${outsider.accessToken}` })
    expect(refused.status).toBe(403)
    expect(
      (await request.get('/api/v1/exports/cases.pdf?from=2026-03-01&to=2026-03-31').set(world.admin.auth))
        .status,
    ).toBe(400)
  })

  it('streams the visit ledger with contact details masked', async () => {
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const staff = await loginAs(
      request,
      await buildUser({ role: 'staff', unitId: world.street.id, name: '网格员' }),
    )
    await request
      .post('/api/v1/visits/sync')
      .set({ Authorization: `Bearer ${staff.accessToken}` })
      .send({
        visits: [
          {
            clientId: 'ledger-visit-1',
            visitedAt: '2026-03-05T10:00:00+08:00',
            household: { name: '王大爷', address: '幸福村3组12号', phone: '13912345678', tags: ['needy'] },
            purposes: ['visiting', 'explainingPolicy'],
            notes: '讲解高龄补贴',
          },
        ],
      })
    const answer = await request
      .get(`/api/v1/exports/visits.xlsx?from=2026-03-01&to=2026-03-31&unitId=${world.district.id}`)
      .set(world.districtLeader.auth)
      .buffer(true)
      .parse(binary as never)
    expect(answer.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(answer.body as ArrayBuffer)
    const rows = workbook.getWorksheet('走访台账')!.getSheetValues().filter(Boolean) as unknown[][]
    expect(rows[1]!.slice(1)).toEqual([
      '2026-03-05 10:00',
      '网格员',
      '街道',
      '王大爷',
      '幸福村****',
      '139****5678',
      '困难户',
      '走访群众、宣讲政策',
      '讲解高龄补贴',
    ]) // no problems, no follow-up: trailing empty cells
  })
})

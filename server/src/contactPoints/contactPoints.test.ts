import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'

type Request = ReturnType<typeof testApp>['request']

async function session(request: Request, props: Parameters<typeof buildUser>[0]) {
  const user = await buildUser(props)
  const tokens = await loginAs(request, user)
  return { user, id: String(user._id), auth: { Authorization: `Bearer ${tokens.accessToken}` } }
}

async function world() {
  const { request } = testApp()
  const bureau = await buildUnit({ level: 'district', name: `住建局${Math.random()}` })
  const office = await buildUnit({ level: 'department', parentId: bureau.id, name: '城建股' })
  const other = await buildUnit({ level: 'district', name: `文旅局${Math.random()}` })
  const leader = await session(request, { role: 'leader', unitId: bureau.id, name: '局长老陈' })
  const cadre = await session(request, { role: 'staff', unitId: office.id, name: '干部小吴' })
  const outsider = await session(request, { role: 'leader', unitId: other.id, name: '别的局长' })
  const admin = await session(request, { role: 'admin' })
  return { request, bureau, office, other, leader, cadre, outsider, admin }
}

describe('联系点 and 帮扶共建', () => {
  it('a leader names contact points for their subtree with a leader of the unit; others are refused', async () => {
    const { request, bureau, office, other, leader, cadre, outsider } = await world()
    const point = {
      unitId: office.id,
      kind: 'contactPoint',
      targetType: 'village',
      name: '东湖村',
      leaderId: leader.id,
      since: '2026-03-01',
    }
    // The responsible leader must work in the unit itself or below it, not above it.
    const wrongLeader = await request.post('/api/v1/contact-points').set(leader.auth).send(point)
    expect(wrongLeader.status).toBe(400)
    expect(wrongLeader.body.error.issues[0].path).toBe('leaderId')
    const created = await request
      .post('/api/v1/contact-points')
      .set(leader.auth)
      .send({ ...point, unitId: bureau.id })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: '东湖村',
      leaderName: '局长老陈',
      activities: 0,
      kind: 'contactPoint',
    })
    const again = await request
      .post('/api/v1/contact-points')
      .set(leader.auth)
      .send({ ...point, unitId: bureau.id })
    expect(again.status).toBe(400)
    expect(again.body.error.issues[0].path).toBe('name')
    const foreign = await request
      .post('/api/v1/contact-points')
      .set(outsider.auth)
      .send({ ...point, unitId: bureau.id, name: '西湖村' })
    expect(foreign.status).toBe(403)
    expect((await request.post('/api/v1/contact-points').set(cadre.auth).send(point)).status).toBe(403)
    const partner = await request
      .post('/api/v1/contact-points')
      .set(leader.auth)
      .send({
        ...point,
        unitId: office.id,
        kind: 'partner',
        targetType: 'enterprise',
        name: '东湖建材厂',
        leaderId: cadre.id,
      })
    expect(partner.status).toBe(201)
    // Staff see their own subtree's points; another bureau's leader sees none of them.
    const seen = await request.get('/api/v1/contact-points').set(cadre.auth)
    expect(seen.body.items.map((item: { name: string }) => item.name)).toEqual(['东湖建材厂'])
    expect((await request.get('/api/v1/contact-points').set(outsider.auth)).body.items).toEqual([])
    expect(
      (await request.get(`/api/v1/contact-points/${created.body.id}/activities`).set(outsider.auth)).status,
    ).toBe(404)
    expect(other.id).not.toBe(bureau.id)
  })

  it('logs activities idempotently and reports the ledger upward as xlsx, households masked', async () => {
    const { request, bureau, leader, cadre, outsider, admin } = await world()
    const created = await request.post('/api/v1/contact-points').set(leader.auth).send({
      unitId: bureau.id,
      kind: 'contactPoint',
      targetType: 'community',
      name: '幸福社区',
      leaderId: leader.id,
      since: '2026-02-01',
    })
    const entry = {
      clientId: 'contact-entry-0001',
      heldOn: '2026-03-05',
      summary: '走访社区，了解老旧小区加装电梯诉求',
    }
    const first = await request
      .post(`/api/v1/contact-points/${created.body.id}/activities`)
      .set(leader.auth)
      .send(entry)
    expect(first.status).toBe(201)
    const retry = await request
      .post(`/api/v1/contact-points/${created.body.id}/activities`)
      .set(leader.auth)
      .send(entry)
    expect(retry.status).toBe(200)
    expect(retry.body.id).toBe(first.body.id)
    // A cadre types a resident's phone, ID number and door address into the log: the ledger goes
    // upward to the campaign office, so none of them may reach it (PIPL: minimum necessary).
    const personal = await request
      .post(`/api/v1/contact-points/${created.body.id}/activities`)
      .set(leader.auth)
      .send({
        clientId: 'contact-entry-0002',
        heldOn: '2026-03-06',
        summary: '回访王大妈，电话13912345678，身份证110101195501011234，住幸福社区5栋302室',
      })
    expect(personal.status).toBe(201)
    const listed = await request.get(`/api/v1/contact-points/${created.body.id}/activities`).set(leader.auth)
    const listedText = JSON.stringify(listed.body)
    for (const secret of ['13912345678', '110101195501011234', '302'])
      expect(listedText).not.toContain(secret)
    const paired = await request
      .post('/api/v1/pairs')
      .set(cadre.auth)
      .send({ household: { name: '张建国', address: '幸福社区5栋302室', tags: [] }, revisitEveryDays: 30 })
    expect(paired.status).toBe(201)

    const ledger = await request
      .get('/api/v1/exports/contact-points.xlsx')
      .set(leader.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    expect(ledger.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(ledger.body as ArrayBuffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '联系点与帮扶共建',
      '结对帮扶',
      '活动记录',
    ])
    const values = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1))
    expect(values('联系点与帮扶共建')).toEqual([
      [
        expect.stringContaining('住建局'),
        '联系点',
        '社区',
        '幸福社区',
        '局长老陈',
        '2026-02-01',
        2,
        '2026-03-06',
      ],
    ])
    const pairRows = values('结对帮扶')
    expect(pairRows).toHaveLength(1)
    expect(pairRows[0]![1]).toBe('干部小吴')
    expect(pairRows[0]![2]).not.toBe('张建国')
    expect(String(pairRows[0]![3])).not.toContain('302')
    const logRows = values('活动记录')
    expect(logRows).toEqual([
      ['2026-03-05', expect.stringContaining('住建局'), '幸福社区', entry.summary, '局长老陈'],
      ['2026-03-06', expect.stringContaining('住建局'), '幸福社区', expect.any(String), '局长老陈'],
    ])
    const stripped = String(logRows[1]![3])
    for (const secret of ['13912345678', '110101195501011234', '302']) expect(stripped).not.toContain(secret)
    expect(stripped).toContain('[手机号]')
    expect(stripped).toContain('[身份证号]')
    expect(stripped).toContain('回访')
    // Another bureau's leader gets a ledger without this bureau's rows; staff get none.
    const foreign = await request
      .get('/api/v1/exports/contact-points.xlsx')
      .set(outsider.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    const theirs = new ExcelJS.Workbook()
    await theirs.xlsx.load(foreign.body as ArrayBuffer)
    expect(theirs.getWorksheet('联系点与帮扶共建')!.rowCount).toBe(1)
    expect((await request.get('/api/v1/exports/contact-points.xlsx').set(cadre.auth)).status).toBe(403)
    expect((await request.get('/api/v1/exports/contact-points.xlsx').set(admin.auth)).status).toBe(200)
  })
})

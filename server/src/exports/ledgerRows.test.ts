import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { randomUUID } from 'node:crypto'
import { buildUser, loginAs, uniquePhone } from '../../test/factories'
import { caseLedgerRows, visitLedgerRows } from './ledgerRows'

describe('case ledger rows', () => {
  it('carry the summary and the measures without the personal data typed into them', async () => {
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const submitted = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(
        caseBody({
          description: '我叫王芳，身份证110101199003074514，住5栋2单元301，电话13712345678，书屋不开门',
        }),
      )
    expect(submitted.status).toBe(201)
    const act = (body: object) =>
      request.post(`/api/v1/cases/${submitted.body.id}/transitions`).set(world.cultureHandler.auth).send(body)
    await act({ action: 'accept' })
    await act({ action: 'resolve', message: '已电话联系13712345678，书屋恢复开放' })
    const rows = []
    for await (const row of caseLedgerRows({
      from: new Date('2026-03-01T00:00:00+08:00'),
      to: new Date('2026-03-31T00:00:00+08:00'),
    }))
      rows.push(row)
    const row = rows.find((item) => item.summary.includes('书屋不开门'))!
    expect(row.summary).toBe(
      '农家书屋不开门：我叫[姓名]，身份证[身份证号]，住[地址]，电话[手机号]，书屋不开门',
    )
    expect(row.measures).toBe('【已办结待评价】已电话联系[手机号]，书屋恢复开放')
    expect(row).toMatchObject({ phone: '137****5678', overdue: '否', handoffs: '0/0' })
    expect(row.resident).toMatch(/^.\*+$/)
  })

  it('carry visit notes, problems and addresses without personal data (Chinese numerals included)', async () => {
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const staff = await loginAs(request, await buildUser({ role: 'staff', unitId: world.street.id }))
    const synced = await request
      .post('/api/v1/visits/sync')
      .set({ Authorization: `Bearer ${staff.accessToken}` })
      .send({
        visits: [
          {
            clientId: 'ledger-rows-visit-1',
            visitedAt: '2026-03-05T10:00:00+08:00',
            household: {
              name: '王大爷',
              address: '幸福小区五号楼三单元二〇一室',
              phone: '13912345678',
              tags: [],
            },
            purposes: ['visiting'],
            notes: '老人儿子电话13712345678，身份证110101199003074514',
          },
        ],
      })
    expect(synced.status).toBe(200)
    const rows = []
    for await (const row of visitLedgerRows({
      from: new Date('2026-03-01T00:00:00+08:00'),
      to: new Date('2026-03-31T00:00:00+08:00'),
    }))
      rows.push(row)
    const row = rows.find((item) => item.household === '王大爷')!
    expect(row.address).toBe('幸福小区****')
    expect(row.notes).toBe('老人儿子电话[手机号]，身份证[身份证号]')
  })
})

describe('case ledger rows for operator-filed cases', () => {
  it('name the intake caller (masked) in 反映人 and 联系电话, not the operator who typed the call', async () => {
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { request } = testApp({ clock })
    await caseWorld(request)
    const operator = await loginAs(request, await buildUser({ role: 'operator', name: '话务员乙' }))
    const phone = uniquePhone()
    const filed = await request
      .post('/api/v1/intake')
      .set({ Authorization: `Bearer ${operator.accessToken}` })
      .send({
        clientId: randomUUID(),
        channel: 'hotline',
        kind: 'complaint',
        categoryCode: 'culture.library',
        title: '台账来电书屋',
        description: '来电人反映村里的农家书屋已经两个月没有开门。',
        urgency: 'general',
        caller: { name: '赵桂兰', phone },
        wantsCallBack: false,
      })
    expect(filed.status).toBe(201)
    const rows = []
    for await (const row of caseLedgerRows({
      from: new Date('2026-03-01T00:00:00+08:00'),
      to: new Date('2026-03-31T00:00:00+08:00'),
    }))
      rows.push(row)
    const row = rows.find((item) => item.number === filed.body.number)!
    expect(row).toMatchObject({
      source: '热线',
      resident: '赵**',
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    })
    expect(JSON.stringify(row)).not.toContain('话务员')
    expect(JSON.stringify(row)).not.toContain(phone)
  })
})

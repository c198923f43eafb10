import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { ConfigChangeModel } from './configChange.model'
import { configSnapshot } from './configSnapshot'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('configuration audit', { timeout: 120_000 }, () => {
  it('records every kind of configuration change with who, when, before → after; admins read it filtered and paged', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request, deps } = testApp({ clock })
    const adminUser = await buildUser({ role: 'admin' })
    const admin = bearer((await loginAs(request, adminUser)).accessToken)
    const unit = (await request.post('/api/v1/units').set(admin).send({ name: '审计区', level: 'district' }))
      .body
    clock.advance(60_000)
    const rule = await request
      .post('/api/v1/routing/rules')
      .set(admin)
      .send({ name: '审计规则', priority: 5, keywords: ['噪音'], unitId: unit.id })
    expect(rule.status).toBe(201)
    expect(
      (await request.patch(`/api/v1/routing/rules/${rule.body.id}`).set(admin).send({ priority: 6 })).status,
    ).toBe(200)
    const category = await request
      .post('/api/v1/categories')
      .set(admin)
      .send({ code: 'audit', name: '审计类' })
    expect(category.status).toBe(201)
    expect(
      (await request.patch('/api/v1/categories/audit').set(admin).send({ name: '审计分类' })).status,
    ).toBe(200)
    const limits = (await request.get('/api/v1/settings/time-limits').set(admin)).body
    expect((await request.put('/api/v1/settings/time-limits').set(admin).send(limits)).status).toBe(200)
    const calendar = await request
      .put('/api/v1/calendars/2027')
      .set(admin)
      .send({ holidays: ['2027-01-01'], workdays: [] })
    expect(calendar.status).toBe(200)
    const campaign = await request
      .post('/api/v1/campaigns')
      .set(admin)
      .send({ name: '审计活动', startsOn: '2026-03-01', endsOn: '2026-06-30', unitIds: [unit.id] })
    expect(campaign.status).toBe(201)
    expect(
      (await request.patch(`/api/v1/campaigns/${campaign.body.id}`).set(admin).send({ name: '审计活动二' }))
        .status,
    ).toBe(200)
    const staff = await buildUser({ role: 'staff', phone: '13800138000', unitId: (await buildUnit()).id })
    expect(
      (await request.patch(`/api/v1/users/${staff.id}`).set(admin).send({ disabled: true })).status,
    ).toBe(200)

    const all = await request.get('/api/v1/audit/config-changes?pageSize=100').set(admin)
    expect(all.status).toBe(200)
    const types = new Set(all.body.items.map((item: { entityType: string }) => item.entityType))
    expect([...types].sort()).toEqual([
      'calendar',
      'campaign',
      'category',
      'routingRule',
      'timeLimits',
      'unit',
      'user',
    ])
    for (const item of all.body.items) expect(item.actorId).toBe(adminUser.id)
    const times = all.body.items.map((item: { at: string }) => item.at)
    expect([...times].sort().reverse()).toEqual(times)

    const ruleChanges = await request
      .get(`/api/v1/audit/config-changes?entityType=routingRule&entityId=${rule.body.id}`)
      .set(admin)
    expect(ruleChanges.body.items.map((item: { action: string }) => item.action)).toEqual([
      'update',
      'create',
    ])
    expect(ruleChanges.body.items[0].before).toMatchObject({ priority: 5 })
    expect(ruleChanges.body.items[0].after).toMatchObject({ priority: 6 })
    const userChange = (
      await request.get(`/api/v1/audit/config-changes?entityType=user&entityId=${staff.id}`).set(admin)
    ).body.items[0]
    expect(userChange.before).toMatchObject({ disabled: false, phone: '138****8000' })
    expect(userChange.after).toMatchObject({ disabled: true })
    expect(JSON.stringify(all.body)).not.toContain('13800138000')

    const early = await request
      .get(`/api/v1/audit/config-changes?to=${encodeURIComponent('2026-03-02T09:00:30+08:00')}`)
      .set(admin)
    expect(early.body.items.map((item: { entityType: string }) => item.entityType)).toEqual(['unit'])
    const page2 = await request.get('/api/v1/audit/config-changes?pageSize=2&page=2').set(admin)
    expect(page2.body.items.map((item: { id: string }) => item.id)).toEqual(
      all.body.items.slice(2, 4).map((item: { id: string }) => item.id),
    )

    const leader = bearer((await loginAs(request, await buildUser({ role: 'leader' }))).accessToken)
    expect((await request.get('/api/v1/audit/config-changes').set(leader)).status).toBe(403)
    // Append-only: the model refuses updates and deletes.
    await expect(ConfigChangeModel.deleteMany({})).rejects.toThrow(/append-only/)
    await expect(ConfigChangeModel.updateOne({}, { $set: { action: 'x' } })).rejects.toThrow(/append-only/)
    expect(deps).toBeTruthy()
  })

  it('stores snapshots FerretDB accepts: phones and ID numbers masked, secrets dropped, no dotted keys or nested arrays', () => {
    expect(
      configSnapshot({
        phone: '13912345678',
        idNumber: '110101199003074512',
        passwordHash: 'scrypt$…',
        'a.b': 1,
        $set: 2,
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toEqual({
      phone: '139****5678',
      idNumber: '110*************12',
      'a．b': 1,
      '＄set': 2,
      coordinates: ['[1,2]', '[3,4]'],
    })
    expect(configSnapshot(null)).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'

describe('open-door reception (开门接访)', () => {
  it('assigns duty leaders per day, shows today’s duty, and files each request as a routed case once', async () => {
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const leader = await buildUser({ role: 'leader', unitId: world.district.id, name: '区长' })
    const leaderAuth = { Authorization: `Bearer ${(await loginAs(request, leader)).accessToken}` }
    const roster = await request
      .put('/api/v1/duty-roster')
      .set(world.districtLeader.auth)
      .send({
        unitId: world.district.id,
        assignments: [
          { date: '2026-03-10', leaderId: String(leader._id), place: '区信访接待室' },
          { date: '2026-03-11', leaderId: String(world.districtLeader.user._id) },
        ],
      })
    expect(roster.status).toBe(200)
    expect(roster.body.items.map((entry: { date: string }) => entry.date)).toEqual([
      '2026-03-10',
      '2026-03-11',
    ])
    const outsider = await request
      .put('/api/v1/duty-roster')
      .set(world.districtLeader.auth)
      .send({
        unitId: world.district.id,
        assignments: [{ date: '2026-03-12', leaderId: String(world.cultureHandler.user._id) }],
      })
    expect(outsider.status).toBe(400) // a handler is not a duty leader of the unit
    const notMine = await request
      .put('/api/v1/duty-roster')
      .set(leaderAuth)
      .send({ unitId: world.culture.id, assignments: [{ date: '2026-03-12', leaderId: String(leader._id) }] })
    expect(notMine.status).toBe(400)

    const today = await request.get('/api/v1/duty-roster/today').set(leaderAuth)
    expect(today.body).toMatchObject({ date: '2026-03-10', myDuty: [{ place: '区信访接待室' }] })

    const reception = {
      clientId: 'reception-0001',
      receivedAt: '2026-03-10T10:00:00+08:00',
      visitor: { name: '刘先生', phone: '13612345678' },
      requests: [
        { categoryCode: 'culture.library', title: '书屋开放时间', description: '希望书屋周末也开放' },
        {
          kind: 'complaint',
          categoryCode: 'housing',
          title: '物业不作为',
          description: '小区物业长期不处理漏水',
        },
      ],
    }
    const first = await request.post('/api/v1/receptions').set(leaderAuth).send(reception)
    expect(first.status).toBe(201)
    expect(first.body.cases).toHaveLength(2)
    expect(first.body.cases.map((item: { unitId: string }) => item.unitId)).toEqual([
      world.culture.id,
      world.housing.id,
    ])
    const retry = await request.post('/api/v1/receptions').set(leaderAuth).send(reception)
    expect(retry.status).toBe(200)
    expect(await CaseModel.countDocuments({ source: 'reception', originId: first.body.id })).toBe(2)
    const bad = await request
      .post('/api/v1/receptions')
      .set(leaderAuth)
      .send({
        ...reception,
        clientId: 'reception-0002',
        requests: [{ ...reception.requests[0], categoryCode: 'nope' }],
      })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0].path).toBe('requests.0.categoryCode')
    const listed = await request.get('/api/v1/receptions').set(world.districtLeader.auth)
    expect(listed.body.items).toHaveLength(1)
    expect(listed.body.items[0].visitor.phone).toBe('136****5678')
  })
})

import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld, square } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { AreaIndex } from '../areas/areaIndex'

describe('routing over the real database', () => {
  it('dry-run explains the rule that matched, by category and by keyword', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const byCategory = await request
      .post('/api/v1/routing/dry-run')
      .set(world.admin.auth)
      .send({ categoryCode: 'culture.opera', title: '送戏下乡', description: '希望多来几场' })
    expect(byCategory.status).toBe(200)
    expect(byCategory.body).toMatchObject({
      kind: 'rule',
      unitId: world.culture.id,
      ruleId: world.cultureRule.id,
      unitName: '文旅局',
    })
    const byKeyword = await request
      .post('/api/v1/routing/dry-run')
      .set(world.admin.auth)
      .send({ categoryCode: 'other', title: '小区问题', description: '物业不管垃圾' })
    expect(byKeyword.body).toMatchObject({ kind: 'rule', unitId: world.housing.id })
    expect(byKeyword.body.reason).toContain('物业')
    const denied = await request
      .post('/api/v1/routing/dry-run')
      .set(world.cultureHandler.auth)
      .send({ categoryCode: 'other' })
    expect(denied.status).toBe(403)
  })

  it('without a matching rule, a located case goes to the street it lies in (兜底); unlocated to the dispatch centre', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const inStreet = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(
        caseBody({
          categoryCode: 'urban.road',
          title: '路灯坏了',
          description: '东门口路灯坏了一周',
          location: { lat: 39.25, lng: 116.25, address: '幸福路1号' },
        }),
      )
    expect(inStreet.body).toMatchObject({
      status: 'dispatched',
      unitId: world.street.id,
      routing: { kind: 'areaFallback' },
    })
    expect(inStreet.body.gridId).toBe(world.grid.id)

    const inDistrictOnly = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(
        caseBody({
          categoryCode: 'urban.road',
          title: '路面坑洼',
          description: '乡道路面坑洼严重',
          location: { lat: 39.8, lng: 116.8 },
        }),
      )
    expect(inDistrictOnly.body).toMatchObject({
      unitId: world.district.id,
      routing: { kind: 'areaFallback' },
    })

    const nowhere = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ categoryCode: 'urban.road', title: '路面坑洼', description: '不知道在哪里的路' }))
    expect(nowhere.body).toMatchObject({
      status: 'submitted',
      unitId: null,
      routing: { kind: 'dispatchCentre' },
    })
    expect(nowhere.body.deadlines.expectedAnswerBy).not.toBeNull()
  })

  it('admins add rules; a rule without conditions or with an unknown unit is refused per field', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const created = await request
      .post('/api/v1/routing/rules')
      .set(world.admin.auth)
      .send({ name: '燃气', priority: 5, categoryCodes: ['utility.gas'], unitId: world.housing.id })
    expect(created.status).toBe(201)
    // Through the presenter: a plain id, and the category's name beside its code (no raw document).
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      categoryCodes: ['utility.gas'],
      categoryNames: ['燃气'],
      unitId: world.housing.id,
      enabled: true,
    })
    expect(created.body).not.toHaveProperty('_id')
    expect(created.body).not.toHaveProperty('__v')
    const listed = await request.get('/api/v1/routing/rules').set(world.admin.auth)
    expect(listed.body.rules.map((rule: { name: string }) => rule.name)).toContain('燃气')
    const empty = await request
      .post('/api/v1/routing/rules')
      .set(world.admin.auth)
      .send({ name: '空', priority: 1, unitId: world.housing.id })
    expect(empty.status).toBe(400)
    expect(empty.body.error.issues[0].path).toBe('categoryCodes')
    const ghost = await request
      .post('/api/v1/routing/rules')
      .set(world.admin.auth)
      .send({ name: 'x', priority: 1, keywords: ['x'], unitId: '0123456789abcdef01234567' })
    expect(ghost.body.error.issues[0].path).toBe('unitId')
  })
})

describe('AreaIndex', () => {
  it('finds the containing areas innermost first and nothing outside', () => {
    const index = AreaIndex.build([
      { id: 'district', level: 'district', depth: 1, area: square(0, 0, 10) },
      { id: 'street', level: 'street', depth: 2, area: square(1, 1, 2) },
      { id: 'other-street', level: 'street', depth: 2, area: square(5, 5, 2) },
    ])
    expect(index.containing(2, 2).map((unit) => unit.id)).toEqual(['street', 'district'])
    expect(index.containing(9, 9).map((unit) => unit.id)).toEqual(['district'])
    expect(index.containing(20, 20)).toEqual([])
  })

  it('tests the exact polygon, not just its bounding box', () => {
    const triangle = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [0, 10],
          [0, 0],
        ] as Array<[number, number]>,
      ],
    }
    const index = AreaIndex.build([{ id: 't', level: 'grid', depth: 3, area: triangle }])
    expect(index.containing(1, 1)).toHaveLength(1)
    expect(index.containing(9, 9)).toHaveLength(0) // inside the box, outside the triangle
  })
})

describe('editing routing rules', () => {
  it('disabling a rule changes where the next case goes; an edit that leaves no condition is refused', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const off = await request
      .patch(`/api/v1/routing/rules/${world.cultureRule.id}`)
      .set(world.admin.auth)
      .send({ enabled: false })
    expect(off.status).toBe(200)
    expect(off.body.enabled).toBe(false)
    const dry = await request
      .post('/api/v1/routing/dry-run')
      .set(world.admin.auth)
      .send({ categoryCode: 'culture.library', title: '书屋', description: '不开门' })
    expect(dry.body.kind).toBe('dispatchCentre')

    const emptied = await request
      .patch(`/api/v1/routing/rules/${world.cultureRule.id}`)
      .set(world.admin.auth)
      .send({ categoryCodes: [] })
    expect(emptied.status).toBe(400)
    expect(emptied.body.error.issues[0].path).toBe('categoryCodes')
    const missing = await request
      .patch('/api/v1/routing/rules/0123456789abcdef01234567')
      .set(world.admin.auth)
      .send({ enabled: true })
    expect(missing.status).toBe(404)
    expect(
      (
        await request
          .patch(`/api/v1/routing/rules/${world.cultureRule.id}`)
          .set(world.cultureHandler.auth)
          .send({ enabled: true })
      ).status,
    ).toBe(403)
  })
})

describe('dispatch-centre suggestions and the expected answer time', () => {
  it('suggests the unit that handled similar cases for a case waiting in the queue', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const body = {
      categoryCode: 'urban.noise',
      title: '广场舞噪音扰民',
      description: '晚上十点后广场舞音响太吵',
    }
    const { body: earlier } = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody(body))
    await request
      .post(`/api/v1/cases/${earlier.id}/transitions`)
      .set(world.admin.auth)
      .send({ action: 'dispatch', unitId: world.culture.id, reason: '文化活动管理' })
    const { body: queued } = await request
      .post('/api/v1/cases')
      .set(world.otherResident.auth)
      .send(caseBody({ ...body, title: '广场舞太吵' }))
    expect(queued.status).toBe('submitted')
    const detail = await request.get(`/api/v1/cases/${queued.id}`).set(world.admin.auth)
    expect(detail.body.suggestedUnits[0]).toMatchObject({ unitId: world.culture.id, unitName: '文旅局' })
    expect(detail.body.suggestedUnits[0].why).toContain('相似诉求')
    const handlerView = await request.get(`/api/v1/cases/${earlier.id}`).set(world.cultureHandler.auth)
    expect(handlerView.body.suggestedUnits).toEqual([])
  })

  it('tells anyone, before submitting, the latest answer time for each urgency', async () => {
    const clock = manualClock(new Date('2026-03-02T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const general = await request.get('/api/v1/deadlines/expected?urgency=general')
    expect(general.body).toEqual({ urgency: 'general', expectedAnswerBy: '2026-03-11T15:59:59.999Z' })
    const emergency = await request.get('/api/v1/deadlines/expected?urgency=emergency')
    expect(emergency.body.expectedAnswerBy).toBe('2026-03-02T06:00:00.000Z')
    expect((await request.get('/api/v1/deadlines/expected?urgency=whenever')).status).toBe(400)
  })
})

import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from './case.model'
import { CaseEventModel } from './caseEvent.model'

describe('cases: submit → route → accept → reply → resolve → rate → closed', () => {
  it('walks the whole life of a case and keeps every step as an event', async () => {
    const clock = manualClock(new Date('2026-03-02T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)

    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(submitted.status).toBe(201)
    expect(submitted.body).toMatchObject({
      status: 'dispatched',
      unitId: world.culture.id,
      routing: { kind: 'rule', unitId: world.culture.id, ruleId: world.cultureRule.id },
      contactPhone: '13712345678',
    })
    expect(submitted.body.routing.reason).toContain('文化类')
    expect(submitted.body.number).toMatch(/^MQ20260302-\d{4}$/)
    // signed for by 12:00, then 7 working days from Monday → Wednesday 11 March 23:59:59 CST
    expect(submitted.body.deadlines.acceptBy).toBe('2026-03-02T04:00:00.000Z')
    expect(submitted.body.deadlines.expectedAnswerBy).toBe('2026-03-11T15:59:59.999Z')
    const id = submitted.body.id as string
    const act = (who: { auth: Record<string, string> }, body: Record<string, unknown>) =>
      request.post(`/api/v1/cases/${id}/transitions`).set(who.auth).send(body)

    const inbox = await request.get('/api/v1/cases?scope=inbox').set(world.cultureHandler.auth)
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(id)
    expect(inbox.body.items[0].contactPhone).toBe('137****5678')

    clock.advance(10 * 60_000)
    const accepted = await act(world.cultureHandler, { action: 'accept' })
    expect(accepted.status).toBe(200)
    expect(accepted.body.status).toBe('accepted')
    expect(accepted.body.timeState.state).toBe('on_time')

    expect(
      (await act(world.cultureHandler, { action: 'reply', message: '内部：联系村委', public: false })).body
        .status,
    ).toBe('in_progress')
    expect(
      (await act(world.cultureHandler, { action: 'reply', message: '已安排管理员每周开放三天' })).body.status,
    ).toBe('replied')
    const resolved = await act(world.cultureHandler, { action: 'resolve', message: '书屋已恢复开放' })
    expect(resolved.body.status).toBe('resolved')
    expect(resolved.body.resolvedAt).not.toBeNull()

    const rated = await act(world.resident, { action: 'rate', rating: 'satisfied', comment: '很快就办好了' })
    expect(rated.status).toBe(200)
    expect(rated.body).toMatchObject({
      status: 'closed',
      closedReason: 'rated',
      rating: { value: 'satisfied' },
    })

    const residentView = await request.get(`/api/v1/cases/${id}`).set(world.resident.auth)
    const residentActions = residentView.body.timeline.map((event: { action: string }) => event.action)
    // The automatic first reply (unit and time standard) follows the routing, for the resident to read.
    expect(residentActions).toEqual([
      'submit',
      'dispatch',
      'firstReply',
      'accept',
      'reply',
      'resolve',
      'rate',
    ])
    expect(JSON.stringify(residentView.body.timeline)).not.toContain('内部：联系村委')

    const staffView = await request.get(`/api/v1/cases/${id}`).set(world.cultureHandler.auth)
    expect(staffView.body.timeline).toHaveLength(8)
    expect(staffView.body.timeline[4]).toMatchObject({
      action: 'reply',
      public: false,
      from: 'accepted',
      to: 'in_progress',
    })
    expect(staffView.body.timeline.map((event: { seq: number }) => event.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ])
  })

  it('a resubmit with the same client id never makes a second case, even concurrently', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const body = caseBody()
    const [a, b] = await Promise.all([
      request.post('/api/v1/cases').set(world.resident.auth).send(body),
      request.post('/api/v1/cases').set(world.resident.auth).send(body),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 201])
    expect(a.body.id).toBe(b.body.id)
    const again = await request.post('/api/v1/cases').set(world.resident.auth).send(body)
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(a.body.id)
    expect(await CaseModel.countDocuments({ clientId: body.clientId })).toBe(1)
    // submit, dispatch and the one automatic first reply, whatever the retries
    expect(await CaseEventModel.countDocuments({ caseId: a.body.id })).toBe(3)
  })

  it('transfers and returns are counted, and the first receiver keeps seeing the case', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const act = (who: { auth: Record<string, string> }, body: Record<string, unknown>) =>
      request.post(`/api/v1/cases/${created.id}/transitions`).set(who.auth).send(body)

    const transferred = await act(world.cultureHandler, {
      action: 'transfer',
      unitId: world.housing.id,
      reason: '属于物业问题',
    })
    expect(transferred.body).toMatchObject({
      status: 'transferred',
      unitId: world.housing.id,
      transferCount: 1,
      firstReceiverUnitId: world.culture.id,
    })
    expect((await request.get(`/api/v1/cases/${created.id}`).set(world.cultureHandler.auth)).status).toBe(200)
    expect((await act(world.cultureHandler, { action: 'accept' })).status).toBe(403)

    const returned = await act(world.housingHandler, { action: 'return', reason: '也不属于住建' })
    expect(returned.body).toMatchObject({ status: 'returned', unitId: null, returnCount: 1 })
    const queue = await request.get('/api/v1/cases?scope=queue').set(world.admin.auth)
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(created.id)

    const redispatched = await act(world.admin, {
      action: 'dispatch',
      unitId: world.culture.id,
      reason: '经核实属文旅',
    })
    expect(redispatched.body).toMatchObject({
      status: 'dispatched',
      unitId: world.culture.id,
      routing: { kind: 'manual' },
    })
    const handled = await request.get('/api/v1/cases?scope=handled').set(world.housingHandler.auth)
    expect(handled.body.items.map((item: { id: string }) => item.id)).toContain(created.id)
  })

  it('不满意 reopens the case once with a supervision flag; the second 不满意 closes it', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const act = (who: { auth: Record<string, string> }, body: Record<string, unknown>) =>
      request.post(`/api/v1/cases/${created.id}/transitions`).set(who.auth).send(body)
    await act(world.cultureHandler, { action: 'accept' })
    await act(world.cultureHandler, { action: 'resolve', message: '已处理' })
    const reopened = await act(world.resident, { action: 'rate', rating: 'unsatisfied', comment: '没有解决' })
    expect(reopened.body).toMatchObject({ status: 'reopened', reopenCount: 1, supervisionFlag: true })
    expect(reopened.body.deadlines.dueAt).not.toBeNull()

    await act(world.cultureHandler, { action: 'resolve', message: '再次处理' })
    const closed = await act(world.resident, { action: 'rate', rating: 'unsatisfied' })
    expect(closed.body).toMatchObject({ status: 'closed', reopenCount: 1, rating: { value: 'unsatisfied' } })
  })

  it('keeps residents and units out of each other’s cases', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())

    expect((await request.get(`/api/v1/cases/${created.id}`).set(world.otherResident.auth)).status).toBe(404)
    expect((await request.get(`/api/v1/cases/${created.id}`).set(world.housingHandler.auth)).status).toBe(404)
    const foreign = await request
      .post(`/api/v1/cases/${created.id}/transitions`)
      .set(world.housingHandler.auth)
      .send({ action: 'accept' })
    expect(foreign.status).toBe(404)
    const mine = await request.get('/api/v1/cases').set(world.otherResident.auth)
    expect(mine.body.items).toEqual([])

    // The district leader sees it (the culture bureau is below the district) but a handler role is needed to accept.
    expect((await request.get(`/api/v1/cases/${created.id}`).set(world.districtLeader.auth)).status).toBe(200)
    const leaderAccept = await request
      .post(`/api/v1/cases/${created.id}/transitions`)
      .set(world.districtLeader.auth)
      .send({ action: 'accept' })
    expect(leaderAccept.status).toBe(403)
    expect((await request.post('/api/v1/cases').set(world.cultureHandler.auth).send(caseBody())).status).toBe(
      403,
    )
  })

  it('refuses impossible transitions with 409 and lets only one of two concurrent accepts win', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const url = `/api/v1/cases/${created.id}/transitions`
    const early = await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'resolve', message: '已办' })
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { status: 'dispatched', action: 'resolve' },
    })

    const [a, b] = await Promise.all([
      request.post(url).set(world.cultureHandler.auth).send({ action: 'accept' }),
      request.post(url).set(world.cultureHandler.auth).send({ action: 'accept' }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    expect(await CaseEventModel.countDocuments({ caseId: created.id, action: 'accept' })).toBe(1)
  })

  it('rejects invalid bodies field by field, and operator injection', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const bad = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send({
        clientId: 'x',
        kind: 'rant',
        categoryCode: { $gt: '' },
        title: '',
        description: 'a',
        photos: ['zz'],
      })
    expect(bad.status).toBe(400)
    const paths = bad.body.error.issues.map((issue: { path: string }) => issue.path)
    expect(paths).toEqual(
      expect.arrayContaining(['clientId', 'kind', 'categoryCode', 'title', 'description', 'photos.0']),
    )
    const unknownCategory = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ categoryCode: 'nope' }))
    expect(unknownCategory.status).toBe(400)
    expect(unknownCategory.body.error.issues[0].path).toBe('categoryCode')
    const badAction = await request
      .post('/api/v1/cases/0123456789abcdef01234567/transitions')
      .set(world.admin.auth)
      .send({ action: 'explode' })
    expect(badAction.status).toBe(400)
    expect(badAction.body.error.issues[0].path).toBe('action')
  })

  it('repairs a case from its event if the process died between writing the event and the case', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const next = (await CaseModel.findById(created.id))!.eventSeq + 1
    await CaseEventModel.create({
      caseId: created.id,
      seq: next,
      action: 'accept',
      from: 'dispatched',
      to: 'accepted',
      actor: { userId: world.cultureHandler.user._id, role: 'handler', unitId: world.culture._id },
      at: new Date(),
      data: {
        patch: {
          set: [
            { path: 'status', value: 'accepted' },
            { path: 'acceptedAt', value: new Date() },
          ],
          inc: [],
          involveUnitIds: [],
        },
      },
    })
    const read = await request.get(`/api/v1/cases/${created.id}`).set(world.cultureHandler.auth)
    expect(read.body.status).toBe('accepted')
    expect((await CaseModel.findById(created.id))!.eventSeq).toBe(next)
  })
})

describe('submission rate limits', () => {
  it('refuses a resident over the hourly limit with 429 and Retry-After, but never a retry of an accepted case', async () => {
    const { request } = testApp({ env: { CASE_SUBMIT_PER_USER_HOUR: '2' } })
    const world = await caseWorld(request)
    const first = caseBody()
    expect((await request.post('/api/v1/cases').set(world.resident.auth).send(first)).status).toBe(201)
    expect((await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())).status).toBe(201)
    const third = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(third.status).toBe(429)
    expect(third.body.error.code).toBe('RATE_LIMITED')
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0)
    expect((await request.post('/api/v1/cases').set(world.resident.auth).send(first)).status).toBe(200)
    expect((await request.post('/api/v1/cases').set(world.otherResident.auth).send(caseBody())).status).toBe(
      201,
    )
  })

  it('limits one IP across residents', async () => {
    const { request } = testApp({ env: { CASE_SUBMIT_PER_IP_HOUR: '1', TRUST_PROXY: 'true' } })
    const world = await caseWorld(request)
    const from = (ip: string) => ({ 'X-Forwarded-For': ip })
    const post = (who: { auth: Record<string, string> }, ip: string) =>
      request.post('/api/v1/cases').set(who.auth).set(from(ip)).send(caseBody())
    expect((await post(world.resident, '203.0.113.7')).status).toBe(201)
    expect((await post(world.otherResident, '203.0.113.7')).status).toBe(429)
    expect((await post(world.otherResident, '203.0.113.8')).status).toBe(201)
  })
})

describe('category correction', () => {
  it('lets the resident correct the category before signing, which routes the case again; not after', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ categoryCode: 'culture.library', title: '楼道灯坏了', description: '物业不修楼道灯' }))
    expect(created.unitId).toBe(world.culture.id)
    const url = `/api/v1/cases/${created.id}/transitions`
    const corrected = await request
      .post(url)
      .set(world.resident.auth)
      .send({ action: 'recategorize', categoryCode: 'housing.property' })
    expect(corrected.status).toBe(200)
    expect(corrected.body).toMatchObject({
      status: 'dispatched',
      categoryCode: 'housing.property',
      unitId: world.housing.id,
      firstReceiverUnitId: world.culture.id,
    })
    expect((await request.post(url).set(world.housingHandler.auth).send({ action: 'accept' })).status).toBe(
      200,
    )
    const late = await request
      .post(url)
      .set(world.resident.auth)
      .send({ action: 'recategorize', categoryCode: 'other' })
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('INVALID_TRANSITION')
    const stranger = await request
      .post(url)
      .set(world.otherResident.auth)
      .send({ action: 'recategorize', categoryCode: 'other' })
    expect(stranger.status).toBe(404)
  })
})

describe('extensions (延期)', () => {
  it('a handler asks before the deadline; a leader approves and the deadline moves by working days', async () => {
    const clock = manualClock(new Date('2026-09-28T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const url = `/api/v1/cases/${created.id}/transitions`
    const accepted = await request.post(url).set(world.cultureHandler.auth).send({ action: 'accept' })
    // Mon 28 Sep + 7 working days: 29, 30, (National Day) Oct 8, 9, 10 (make-up), 12, 13
    expect(accepted.body.deadlines.answerBy).toBe('2026-10-13T15:59:59.999Z')

    const refusedEarly = await request
      .post(url)
      .set(world.districtLeader.auth)
      .send({ action: 'decideExtension', approve: true })
    expect(refusedEarly.status).toBe(409)
    const asked = await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'requestExtension', workingDays: 3, reason: '需协调场地' })
    expect(asked.body.extension).toMatchObject({ status: 'pending', workingDays: 3 })
    const twice = await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'requestExtension', workingDays: 1, reason: '再延' })
    expect(twice.status).toBe(409)
    const selfApproved = await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'decideExtension', approve: true })
    expect(selfApproved.status).toBe(403)

    const approved = await request
      .post(url)
      .set(world.districtLeader.auth)
      .send({ action: 'decideExtension', approve: true, reason: '同意' })
    expect(approved.status).toBe(200)
    expect(approved.body.extension.status).toBe('approved')
    // 3 more working days after Tue 13 Oct: 14, 15, 16
    expect(approved.body.deadlines.answerBy).toBe('2026-10-16T15:59:59.999Z')
    expect(approved.body.deadlines.dueAt).toBe('2026-10-16T15:59:59.999Z')

    const timeline = await request.get(`/api/v1/cases/${created.id}`).set(world.districtLeader.auth)
    expect(timeline.body.timeline.map((event: { action: string }) => event.action).slice(-2)).toEqual([
      'requestExtension',
      'decideExtension',
    ])
  })

  it('refuses a request once the deadline has passed', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const url = `/api/v1/cases/${created.id}/transitions`
    await request.post(url).set(world.cultureHandler.auth).send({ action: 'accept' })
    clock.advance(20 * 86_400_000)
    const fresh = await loginAs(request, world.cultureHandler.user)
    const late = await request
      .post(url)
      .set({ Authorization: `Bearer ${fresh.accessToken}` })
      .send({ action: 'requestExtension', workingDays: 2, reason: '来不及' })
    expect(late.status).toBe(409)
    expect(late.body.error.details.reason).toBe('deadline_passed')
  })
})

describe('dispatch objections (派单异议) and co-handling (协办)', () => {
  it('a unit disputes a dispatch; the dispatch centre re-dispatches (改派) or upholds, and the ruling is recorded', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const url = `/api/v1/cases/${created.id}/transitions`
    const objected = await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'object', reason: '属于住建职责' })
    expect(objected.body).toMatchObject({
      status: 'dispatched',
      unitId: world.culture.id,
      objection: { status: 'pending', reason: '属于住建职责' },
    })
    const queue = await request.get('/api/v1/cases?scope=queue').set(world.admin.auth)
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(created.id)
    expect(
      (await request.post(url).set(world.cultureHandler.auth).send({ action: 'object', reason: '再次' }))
        .status,
    ).toBe(409)

    const noUnit = await request
      .post(url)
      .set(world.admin.auth)
      .send({ action: 'ruleObjection', uphold: false, reason: '改派' })
    expect(noUnit.status).toBe(409)
    const redispatched = await request
      .post(url)
      .set(world.admin.auth)
      .send({ action: 'ruleObjection', uphold: false, unitId: world.housing.id, reason: '经核实属住建' })
    expect(redispatched.body).toMatchObject({
      status: 'dispatched',
      unitId: world.housing.id,
      objection: { status: 'redispatched' },
    })

    // The housing bureau objects too, and this time the centre upholds the dispatch.
    await request.post(url).set(world.housingHandler.auth).send({ action: 'object', reason: '不属于我们' })
    const upheld = await request
      .post(url)
      .set(world.admin.auth)
      .send({ action: 'ruleObjection', uphold: true, reason: '维持原派单' })
    expect(upheld.body).toMatchObject({ unitId: world.housing.id, objection: { status: 'upheld' } })
    expect((await request.post(url).set(world.housingHandler.auth).send({ action: 'accept' })).status).toBe(
      200,
    )
    const events = (await request.get(`/api/v1/cases/${created.id}`).set(world.admin.auth)).body.timeline.map(
      (e: { action: string }) => e.action,
    )
    expect(events.filter((action: string) => action === 'ruleObjection')).toHaveLength(2)
  })

  it('the lead unit brings in a co-handling unit, which sees it in its inbox and adds its part; only the lead answers', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const url = `/api/v1/cases/${created.id}/transitions`
    await request.post(url).set(world.cultureHandler.auth).send({ action: 'accept' })
    const added = await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'addCoUnits', unitIds: [world.housing.id] })
    expect(added.body.coUnitIds).toEqual([world.housing.id])

    const inbox = await request.get('/api/v1/cases?scope=inbox').set(world.housingHandler.auth)
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toContain(created.id)
    const part = await request
      .post(url)
      .set(world.housingHandler.auth)
      .send({ action: 'contribute', message: '住建局：已检查房屋结构，安全' })
    expect(part.status).toBe(200)
    expect(
      (await request.post(url).set(world.housingHandler.auth).send({ action: 'resolve', message: 'x' }))
        .status,
    ).toBe(403)
    expect(
      (await request.post(url).set(world.cultureHandler.auth).send({ action: 'contribute', message: 'x' }))
        .status,
    ).toBe(403)

    const residentView = await request.get(`/api/v1/cases/${created.id}`).set(world.resident.auth)
    expect(JSON.stringify(residentView.body.timeline)).not.toContain('住建局：已检查')
    const notes = await request.get('/api/v1/notifications').set(world.cultureHandler.auth)
    expect(notes.body.items[0].title).toBe('协办单位提交了协办意见')
  })
})

describe('inbox filters', () => {
  it('lists only overdue cases when asked', async () => {
    const clock = manualClock()
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const { body: late } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    clock.advance(3 * 3_600_000) // past the 2-hour sign-for limit
    const { body: fresh } = await request.post('/api/v1/cases').set(world.otherResident.auth).send(caseBody())
    const login = await loginAs(request, world.cultureHandler.user)
    const auth = { Authorization: `Bearer ${login.accessToken}` }
    const overdue = await request.get('/api/v1/cases?scope=inbox&overdue=true').set(auth)
    const ids = overdue.body.items.map((item: { id: string }) => item.id)
    expect(ids).toContain(late.id)
    expect(ids).not.toContain(fresh.id)
    expect(overdue.body.items.find((item: { id: string }) => item.id === late.id).timeState.state).toBe(
      'overdue',
    )
  })

  it('filters the console case table by unit, category, period and number or title, within the viewer scope', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const send = async (body: Record<string, unknown>) => {
      const { accessToken } = await loginAs(request, world.resident.user) // tokens expire as days pass
      return request
        .post('/api/v1/cases')
        .set({ Authorization: `Bearer ${accessToken}` })
        .send(caseBody(body))
    }
    const { body: library } = await send({})
    clock.advance(2 * 24 * 3_600_000)
    const { body: housing } = await send({
      categoryCode: 'housing',
      title: '物业不管电梯',
      description: '小区电梯坏了物业一直不修',
    })
    const admin = await loginAs(request, world.admin.user)
    const list = async (query: string, token = admin.accessToken) =>
      (await request.get(`/api/v1/cases?${query}`).set({ Authorization: `Bearer ${token}` })).body.items.map(
        (item: { id: string }) => item.id,
      )
    expect(await list(`unitId=${world.culture.id}`)).toEqual([library.id])
    // (Other tests in this file file cases too: each filter is narrowed to this world's units.)
    const [culture, housingUnit] = [`unitId=${world.culture.id}`, `unitId=${world.housing.id}`]
    expect(await list(`categoryCode=housing&${housingUnit}`)).toEqual([housing.id])
    expect(await list(`categoryCode=culture&${culture}`)).toEqual([library.id])
    expect(await list(`categoryCode=housing&${culture}`)).toEqual([])
    expect(await list(`from=2026-03-03&to=2026-03-31&${culture}`)).toEqual([])
    expect(await list(`from=2026-03-03&to=2026-03-31&${housingUnit}`)).toEqual([housing.id])
    expect(await list(`from=2026-03-01&to=2026-03-02&${culture}`)).toEqual([library.id])
    expect(await list(`q=${library.number}`)).toEqual([library.id])
    expect(await list(`q=${encodeURIComponent('电梯')}`)).toEqual([housing.id])
    expect(await list(`q=${encodeURIComponent('.*')}`)).toEqual([])
    // A handler's filter cannot reach beyond the unit's own cases.
    const handler = await loginAs(request, world.cultureHandler.user)
    expect(await list(`unitId=${world.housing.id}`, handler.accessToken)).toEqual([])
    const bad = await request
      .get('/api/v1/cases?unitId=nope&from=03-01')
      .set({ Authorization: `Bearer ${admin.accessToken}` })
    expect(bad.status).toBe(400)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { startWechatStub } from '../../test/wechatStub'
import { OutboxModel } from './outbox.model'
import { outboxPolicy, processOutbox } from './processOutbox'

let stub: Awaited<ReturnType<typeof startWechatStub>>
beforeAll(async () => {
  stub = await startWechatStub()
})
afterAll(() => stub.stop())

const titles = async (request: ReturnType<typeof testApp>['request'], auth: Record<string, string>) =>
  ((await request.get('/api/v1/notifications').set(auth)).body.items as Array<{ title: string }>).map(
    (item) => item.title,
  )

describe('in-app notifications', () => {
  it('tells each party what concerns them, never the actor, and reaches unit and leaders at once on 不满意', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(await titles(request, world.cultureHandler.auth)).toEqual(['新诉求待处理'])
    expect(await titles(request, world.resident.auth)).toEqual([])

    const act = (who: { auth: Record<string, string> }, body: Record<string, unknown>) =>
      request.post(`/api/v1/cases/${created.id}/transitions`).set(who.auth).send(body)
    await act(world.cultureHandler, { action: 'accept' })
    await act(world.cultureHandler, { action: 'reply', message: '内部备注', public: false })
    await act(world.cultureHandler, { action: 'resolve', message: '已办结' })
    expect(await titles(request, world.resident.auth)).toEqual(['诉求已办结，请评价', '诉求已签收'])

    await act(world.resident, { action: 'rate', rating: 'unsatisfied', comment: '没修好' })
    expect((await titles(request, world.cultureHandler.auth))[0]).toBe('群众不满意，诉求重新办理')
    expect(await titles(request, world.districtLeader.auth)).toEqual(['群众不满意，诉求重新办理'])
    expect(await titles(request, world.housingHandler.auth)).toEqual([])

    const inbox = await request.get('/api/v1/notifications').set(world.resident.auth)
    expect(inbox.body.unread).toBe(2)
    expect(inbox.body.items[0].body).toContain(created.number)
    expect(
      (await request.post(`/api/v1/notifications/${inbox.body.items[0].id}/read`).set(world.resident.auth))
        .status,
    ).toBe(200)
    expect((await request.get('/api/v1/notifications').set(world.resident.auth)).body.unread).toBe(1)
    const foreign = await request
      .post(`/api/v1/notifications/${inbox.body.items[1].id}/read`)
      .set(world.otherResident.auth)
    expect(foreign.status).toBe(404)
  })

  it('sends the dispatch centre what lands in its queue', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(
        caseBody({
          categoryCode: 'urban.road',
          title: '井盖丢失',
          description: '不知道在哪条路上的井盖丢了',
        }),
      )
    expect(await titles(request, world.admin.auth)).toContain('新诉求待处理')
  })
})

type Request = ReturnType<typeof testApp>['request']

/** A resident's tap on 订阅提醒, as the mini-app reports WeChat's answer. */
const allow = (request: Request, auth: Record<string, string>, results: Record<string, string>, extra = {}) =>
  request
    .post('/api/v1/notifications/subscriptions')
    .set(auth)
    .send({ clientId: `tap-${Math.random().toString(36).slice(2, 12)}`, results, ...extra })

describe('WeChat subscribe messages through the outbox', () => {
  it('queues a message for a WeChat resident and sends it to the real HTTP endpoint', async () => {
    const clock = manualClock()
    const { request, deps } = testApp({
      clock,
      env: stub.env({ WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl-case-update' }),
    })
    const world = await caseWorld(request)
    const wechatLogin = await request.post('/api/v1/auth/wechat').send({ code: `resident-${Date.now()}` })
    const auth = { Authorization: `Bearer ${wechatLogin.body.accessToken}` }
    expect((await allow(request, auth, { 'tmpl-case-update': 'accept' })).body).toEqual({
      granted: ['caseProgress'],
      refused: [],
    })
    const { body: created } = await request.post('/api/v1/cases').set(auth).send(caseBody())
    await request
      .post(`/api/v1/cases/${created.id}/transitions`)
      .set(world.cultureHandler.auth)
      .send({ action: 'accept' })

    const queued = await OutboxModel.find({ 'payload.caseId': created.id })
    expect(queued).toHaveLength(1)
    expect(queued[0]!.status).toBe('pending')

    const before = stub.state.sent.length
    expect(await processOutbox(deps)).toEqual({ sent: 1, failed: 0 })
    const message = stub.state.sent[before]!
    expect(message.body).toMatchObject({
      touser: queued[0]!.address,
      template_id: 'tmpl-case-update',
      page: `pages/cases/detail/index?id=${created.id}`,
    })
    expect(message.body.data.character_string1!.value).toBe(created.number)
    expect(message.body.data.phrase3!.value).toBe('已签收')
    expect(message.accessToken).toMatch(/^token-/)
    expect((await OutboxModel.findById(queued[0]!._id))!.status).toBe('sent')
    expect(await processOutbox(deps)).toEqual({ sent: 0, failed: 0 })
  })

  it('keeps the error and backs off when WeChat refuses, and gives up after the last attempt', async () => {
    const clock = manualClock()
    const { request, deps } = testApp({ clock, env: stub.env({ WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl' }) })
    const world = await caseWorld(request)
    const wechatLogin = await request.post('/api/v1/auth/wechat').send({ code: `refuser-${Date.now()}` })
    const auth = { Authorization: `Bearer ${wechatLogin.body.accessToken}` }
    await allow(request, auth, { tmpl: 'accept' })
    const { body: created } = await request.post('/api/v1/cases').set(auth).send(caseBody())
    await request
      .post(`/api/v1/cases/${created.id}/transitions`)
      .set(world.cultureHandler.auth)
      .send({ action: 'accept' })

    stub.state.sendErrcode = 43101 // the user has not subscribed
    try {
      expect(await processOutbox(deps)).toEqual({ sent: 0, failed: 1 })
      let item = (await OutboxModel.findOne({ 'payload.caseId': created.id }))!
      expect(item).toMatchObject({ status: 'pending', attempts: 1 })
      expect(item.lastError).toContain('43101')
      expect(item.nextAttemptAt.getTime()).toBe(clock.now().getTime() + outboxPolicy.baseDelayMs)
      expect(await processOutbox(deps)).toEqual({ sent: 0, failed: 0 }) // not due yet

      for (let attempt = 2; attempt <= outboxPolicy.maxAttempts; attempt++) {
        clock.advance(outboxPolicy.baseDelayMs * 2 ** (attempt - 2))
        expect(await processOutbox(deps)).toEqual({ sent: 0, failed: 1 })
      }
      item = (await OutboxModel.findOne({ 'payload.caseId': created.id }))!
      expect(item).toMatchObject({ status: 'failed', attempts: outboxPolicy.maxAttempts })
    } finally {
      stub.state.sendErrcode = 0
    }
  })

  it('sends only what the resident allowed: one message per accepted tap, the rest skipped with the reason', async () => {
    const { request, deps } = testApp({
      env: stub.env({
        WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl-progress',
        WECHAT_TEMPLATE_CASE_CLOSED: 'tmpl-closed',
      }),
    })
    const world = await caseWorld(request)
    const wechatLogin = await request.post('/api/v1/auth/wechat').send({ code: `allower-${Date.now()}` })
    const auth = { Authorization: `Bearer ${wechatLogin.body.accessToken}` }
    const templates = await request.get('/api/v1/notifications/subscribe-templates').set(auth)
    expect(templates.body.templates).toEqual([
      { kind: 'caseProgress', templateId: 'tmpl-progress', title: '诉求办理进度提醒' },
      { kind: 'caseClosed', templateId: 'tmpl-closed', title: '诉求办结通知' },
    ])
    const { body: created } = await request.post('/api/v1/cases').set(auth).send(caseBody())
    const act = (body: Record<string, unknown>) =>
      request.post(`/api/v1/cases/${created.id}/transitions`).set(world.cultureHandler.auth).send(body)

    // No tap yet: signing for it is not sent, and the outbox says why.
    await act({ action: 'accept' })
    const outbox = async () =>
      (await request.get(`/api/v1/notifications/outbox?caseId=${created.id}`).set(world.admin.auth)).body
        .items as Array<{ status: string; reason: string | null; templateId: string | null }>
    expect(await outbox()).toEqual([
      expect.objectContaining({
        status: 'skipped',
        reason: 'NO_SUBSCRIPTION_ALLOWANCE',
        templateId: 'tmpl-progress',
      }),
    ])

    // One tap on the case page, reported twice (a retry): progress accepted, closing refused.
    const tap = {
      clientId: 'tap-on-case-page-1',
      caseId: created.id,
      results: { 'tmpl-progress': 'accept', 'tmpl-closed': 'reject' },
    }
    for (let i = 0; i < 2; i++) {
      const answer = await request.post('/api/v1/notifications/subscriptions').set(auth).send(tap)
      expect(answer.body).toEqual({ granted: ['caseProgress'], refused: ['caseClosed'] })
    }
    await act({ action: 'reply', message: '已安排人员查看', public: true })
    await act({ action: 'reply', message: '正在维修', public: true })
    const before = stub.state.sent.length
    expect(await processOutbox(deps)).toEqual({ sent: 1, failed: 0 })
    expect(stub.state.sent[before]!.body.template_id).toBe('tmpl-progress')
    const statuses = (await outbox()).map((item) => item.status)
    expect(statuses).toEqual(['skipped', 'sent', 'skipped']) // newest first: one allowance, one message

    // The closing template was refused on that tap; a later tap allows it, and 办结 is sent with it.
    await allow(request, auth, { 'tmpl-closed': 'accept' })
    await act({ action: 'resolve', message: '已修好' })
    expect((await outbox())[0]).toMatchObject({ status: 'pending', templateId: 'tmpl-closed' })
    expect(await processOutbox(deps)).toEqual({ sent: 1, failed: 0 })
    expect(stub.state.sent[before + 1]!.body.template_id).toBe('tmpl-closed')
  })

  it('refuses templates that are not configured, and answers 400 for an empty report', async () => {
    const { request } = testApp({ env: stub.env({ WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl-progress' }) })
    const world = await caseWorld(request)
    const unknown = await allow(request, world.resident.auth, { 'tmpl-other': 'accept' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.issues[0].path).toBe('results.tmpl-other')
    const empty = await request
      .post('/api/v1/notifications/subscriptions')
      .set(world.resident.auth)
      .send({ clientId: 'tap-empty-0001', results: {} })
    expect(empty.status).toBe(400)
  })
})

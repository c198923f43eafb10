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
    const { body: created } = await request
      .post('/api/v1/cases')
      .set({ Authorization: `Bearer ${wechatLogin.body.accessToken}` })
      .send(caseBody())
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
})

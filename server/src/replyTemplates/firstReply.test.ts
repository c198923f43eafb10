import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUser, loginAs, uniquePhone } from '../../test/factories'
import { startSmsStub } from '../../test/smsStub'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { sendFirstReply } from './firstReply'

let stub: Awaited<ReturnType<typeof startSmsStub>>
beforeAll(async () => {
  stub = await startSmsStub()
})
afterAll(() => stub.stop())

const firstReplies = (caseId: string) =>
  CaseEventModel.find({ caseId, action: 'firstReply' }).sort({ seq: 1 })

describe('automatic first reply when a case is routed', { timeout: 90_000 }, () => {
  it('tells the resident the unit and the time standard on the case, once per routing', async () => {
    // Tuesday 09:00: sign-for within 2 office hours (11:00), answer within 7 working days of it.
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { request, deps } = testApp({ clock })
    const world = await caseWorld(request)
    const body = caseBody()
    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send(body)
    expect(submitted.status).toBe(201)
    const view = await request.get(`/api/v1/cases/${submitted.body.id}`).set(world.resident.auth)
    const reply = view.body.timeline.find((event: { action: string }) => event.action === 'firstReply')
    expect(reply).toMatchObject({ public: true, actor: { role: 'system' } })
    expect(reply.message).toContain(`编号${submitted.body.number}`)
    expect(reply.message).toContain('文旅局')
    expect(reply.message).toContain('工作时间2小时内签收（最迟3月10日 11:00前）')
    expect(reply.message).toContain('签收后7个工作日内答复您')
    expect(reply.message).not.toContain('{')

    // A retried submit, and a repeated call for the same routing, add nothing.
    expect((await request.post('/api/v1/cases').set(world.resident.auth).send(body)).status).toBe(200)
    await sendFirstReply(deps, (await CaseModel.findById(submitted.body.id))!)
    expect(await firstReplies(submitted.body.id)).toHaveLength(1)

    // A transfer is a new routing: the resident hears of the new unit, once.
    const transferred = await request
      .post(`/api/v1/cases/${submitted.body.id}/transitions`)
      .set(world.cultureHandler.auth)
      .send({ action: 'transfer', unitId: world.housing.id, reason: '属于物业问题' })
    expect(transferred.status).toBe(200)
    await sendFirstReply(deps, (await CaseModel.findById(submitted.body.id))!)
    const replies = await firstReplies(submitted.body.id)
    expect(replies).toHaveLength(2)
    expect(replies[1]!.message).toContain('住建局')
  })

  it('waits for the dispatch centre when no rule routes the case', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const submitted = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ categoryCode: 'other', title: '其他事项', description: '一件说不清归谁管的事情' }))
    expect(submitted.body.status).toBe('submitted')
    expect(await firstReplies(submitted.body.id)).toHaveLength(0)
    const dispatched = await request
      .post(`/api/v1/cases/${submitted.body.id}/transitions`)
      .set(world.admin.auth)
      .send({ action: 'dispatch', unitId: world.culture.id })
    expect(dispatched.status).toBe(200)
    const replies = await firstReplies(submitted.body.id)
    expect(replies).toHaveLength(1)
    expect(replies[0]!.message).toContain('文旅局')
  })

  it('reaches a caller filed by an operator by SMS through the outbox', async () => {
    const { request } = testApp({ env: stub.aliyunEnv() })
    await caseWorld(request)
    const operator = await loginAs(request, await buildUser({ role: 'operator' }))
    const phone = uniquePhone()
    const call = {
      clientId: randomUUID(),
      channel: 'hotline',
      kind: 'complaint',
      categoryCode: 'culture.library',
      title: '农家书屋长期不开门',
      description: '来电人反映村里的农家书屋已经两个月没有开门。',
      urgency: 'general',
      caller: { name: '李秀兰', phone },
      wantsCallBack: false,
    }
    const auth = { Authorization: `Bearer ${operator.accessToken}` }
    const filed = await request.post('/api/v1/intake').set(auth).send(call)
    expect(filed.status).toBe(201)
    expect((await request.post('/api/v1/intake').set(auth).send(call)).status).toBe(200)
    const [reply] = await firstReplies(filed.body.id)
    expect(reply!.message).toMatch(/^李先生\/女士，您好！/)
    await expect
      .poll(() => stub.state.received.filter((m) => m.phone === phone && m.template === 'SMS_CASE_ROUTED'))
      .toHaveLength(1)
    const sms = stub.state.received.find((m) => m.phone === phone && m.template === 'SMS_CASE_ROUTED')!
    expect(sms.params).toMatchObject({ number: filed.body.number, unit: '文旅局' })
    expect(await firstReplies(filed.body.id)).toHaveLength(1)
  })
})

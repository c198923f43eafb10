import { queryCodeAlphabet } from '@minqing/shared'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUser, loginAs, uniquePhone } from '../../test/factories'
import { startSmsStub } from '../../test/smsStub'
import { manualClock, testApp } from '../../test/testApp'
import { ContactViewModel } from '../audit/contactView.model'
import { CaseModel } from '../cases/case.model'
import { anonymiseClosedCases } from '../retention/anonymiseClosedCases'
import { IntakeCallModel } from './intakeCall.model'

type Request = ReturnType<typeof testApp>['request']

let stub: Awaited<ReturnType<typeof startSmsStub>>
beforeAll(async () => {
  stub = await startSmsStub()
})
afterAll(() => stub.stop())

async function operatorOf(request: Request) {
  const tokens = await loginAs(request, await buildUser({ role: 'operator', name: '话务员甲' }))
  return { Authorization: `Bearer ${tokens.accessToken}` }
}

export function hotlineCall(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    channel: 'hotline',
    kind: 'complaint',
    categoryCode: 'culture.library',
    title: '农家书屋长期不开门',
    description: '来电人反映村里的农家书屋已经两个月没有开门，希望恢复开放。',
    urgency: 'general',
    caller: { name: '王秀英', phone: uniquePhone() },
    wantsCallBack: true,
    ...overrides,
  }
}

describe('operator intake (hotline, walk-in, letter…)', { timeout: 60_000 }, () => {
  it('previews routing, time limit and similar cases, then files the call with a number and a query code', async () => {
    const { request } = testApp({ env: stub.aliyunEnv() })
    const world = await caseWorld(request)
    const operator = await operatorOf(request)
    // A resident's open case about the same library: the operator should see it while typing.
    await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ title: '农家书屋不开门', description: '村里的农家书屋已经两个月没有开门了' }))

    const call = hotlineCall()
    const preview = await request.post('/api/v1/intake/preview').set(operator).send({
      categoryCode: call.categoryCode,
      title: call.title,
      description: call.description,
      urgency: 'general',
    })
    expect(preview.status).toBe(200)
    expect(preview.body.routing).toMatchObject({ kind: 'rule', unitId: world.culture.id, unitName: '文旅局' })
    expect(preview.body.timeLimit).toMatchObject({ acceptHours: 2, answer: '7个工作日内答复' })
    expect(preview.body.similar.length).toBeGreaterThan(0)
    expect(preview.body.similar[0].title).toContain('农家书屋')

    const filed = await request.post('/api/v1/intake').set(operator).send(call)
    expect(filed.status).toBe(201)
    expect(filed.body.number).toMatch(/^MQ\d{8}-\d{4}$/)
    expect(filed.body.queryCode).toMatch(new RegExp(`^[${queryCodeAlphabet}]{6}$`))
    expect(filed.body).toMatchObject({ channel: 'hotline', status: 'dispatched', unitId: world.culture.id })
    expect(filed.body.deadlines.expectedAnswerBy).toBe(preview.body.timeLimit.expectedAnswerBy)
    const stored = await CaseModel.findById(filed.body.id)
    expect(stored).toMatchObject({ source: 'hotline', contactPhone: call.caller.phone })

    // A retry (same clientId) answers the same case and code; nothing is filed twice.
    const retry = await request.post('/api/v1/intake').set(operator).send(call)
    expect(retry.status).toBe(200)
    expect(retry.body).toMatchObject({ id: filed.body.id, queryCode: filed.body.queryCode })

    // Broad views mask the caller; the full name and phone only through the audited route.
    const list = await request.get('/api/v1/intake').set(operator)
    const row = list.body.items.find((item: { caseId: string }) => item.caseId === filed.body.id)
    expect(row.caller).toEqual({
      name: '王**',
      phone: `${call.caller.phone.slice(0, 3)}****${call.caller.phone.slice(-4)}`,
    })
    expect(JSON.stringify(list.body)).not.toContain(call.caller.phone)
    expect(JSON.stringify(list.body)).not.toContain('王秀英')
    const contact = await request.get(`/api/v1/intake/${filed.body.id}/contact`).set(operator)
    expect(contact.body).toEqual({ name: '王秀英', phone: call.caller.phone, wantsCallBack: true })
    expect(await ContactViewModel.countDocuments({ caseId: filed.body.id })).toBe(1)
    // The handler's audited contact route names the caller, not the operator who typed it.
    const handlerContact = await request
      .get(`/api/v1/cases/${filed.body.id}/contact`)
      .set(world.cultureHandler.auth)
    expect(handlerContact.body).toEqual({ phone: call.caller.phone, name: '王秀英' })
  })

  it('files every channel and answers bad input with 400 and field issues', async () => {
    const { request } = testApp()
    await caseWorld(request)
    const operator = await operatorOf(request)
    for (const channel of ['walkIn', 'letter', 'email', 'onlineBox', 'visit', 'reception']) {
      const filed = await request.post('/api/v1/intake').set(operator).send(hotlineCall({ channel }))
      expect(filed.status, channel).toBe(201)
      expect((await CaseModel.findById(filed.body.id))?.source).toBe(channel)
    }
    const bad = await request
      .post('/api/v1/intake')
      .set(operator)
      .send(hotlineCall({ channel: 'fax', caller: { name: '', phone: '123' } }))
    expect(bad.status).toBe(400)
    const paths = bad.body.error.issues.map((issue: { path: string }) => issue.path)
    expect(paths).toEqual(expect.arrayContaining(['channel', 'caller.name', 'caller.phone']))
    const unknownCategory = await request
      .post('/api/v1/intake')
      .set(operator)
      .send(hotlineCall({ categoryCode: 'no.such' }))
    expect(unknownCategory.status).toBe(400)
    expect(unknownCategory.body.error.code).toBe('VALIDATION_FAILED')
  })
})

describe('lookup by phone + query code (no account)', { timeout: 60_000 }, () => {
  it('shows status, unit and replies with the name masked', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const operator = await operatorOf(request)
    const call = hotlineCall()
    const filed = await request.post('/api/v1/intake').set(operator).send(call)
    await request
      .post(`/api/v1/cases/${filed.body.id}/transitions`)
      .set(world.cultureHandler.auth)
      .send({ action: 'accept' })
    await request.post(`/api/v1/cases/${filed.body.id}/transitions`).set(world.cultureHandler.auth).send({
      action: 'reply',
      message:
        '已联系村委会，下周一恢复开放，联系电话13900001111，经办人身份证11010519491231002X，地址5号楼3单元201室。',
    })

    const found = await request
      .post('/api/v1/public/case-lookup')
      .send({ phone: call.caller.phone, code: filed.body.queryCode.toLowerCase() })
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({
      number: filed.body.number,
      channel: 'hotline',
      caller: { name: '王**' },
      status: 'replied',
      unitName: '文旅局',
    })
    // First the automatic first reply (unit and time standard), then the unit's own answer.
    expect(found.body.replies.map((reply: { action: string }) => reply.action)).toEqual([
      'firstReply',
      'reply',
    ])
    expect(found.body.replies[0].message).toContain('文旅局')
    expect(found.body.replies[1].message).toContain('下周一恢复开放')
    expect(JSON.stringify(found.body)).not.toContain('13900001111')
    expect(JSON.stringify(found.body)).not.toContain('11010519491231002X')
    expect(JSON.stringify(found.body)).not.toContain('201室')
    expect(JSON.stringify(found.body)).not.toContain(call.caller.phone)
  })

  it('locks a phone after five wrong codes, even for the right one, and unlocks after the window', async () => {
    const clock = manualClock(new Date('2026-03-10T10:05:00+08:00'))
    const { request } = testApp({ clock })
    await caseWorld(request)
    const operator = await operatorOf(request)
    const call = hotlineCall()
    const filed = await request.post('/api/v1/intake').set(operator).send(call)
    const code = filed.body.queryCode as string
    const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        request.post('/api/v1/public/case-lookup').send({ phone: call.caller.phone, code: wrong }),
      ),
    )
    const statuses = answers.map((answer) => answer.status).sort()
    // Exactly four "not found", the rest locked: concurrent guesses cannot exceed the five failures.
    expect(statuses.filter((status) => status === 404)).toHaveLength(4)
    expect(statuses.filter((status) => status === 429)).toHaveLength(4)
    const locked = await request.post('/api/v1/public/case-lookup').send({ phone: call.caller.phone, code })
    expect(locked.status).toBe(429)
    expect(locked.body.error.code).toBe('LOOKUP_LOCKED')
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(0)

    clock.advance(60 * 60_000)
    const later = await request.post('/api/v1/public/case-lookup').send({ phone: call.caller.phone, code })
    expect(later.status).toBe(200)
    expect(later.body.number).toBe(filed.body.number)
    expect((await request.post('/api/v1/public/case-lookup').send({ phone: '12', code: 'O0' })).status).toBe(
      400,
    )
  })
})

describe('retention of a caller filed by an operator', { timeout: 60_000 }, () => {
  it('removes the caller’s name, phone and query code with the case, so the lookup no longer finds it', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request, deps } = testApp({ clock, env: { RETENTION_DAYS: '30' } })
    const world = await caseWorld(request)
    const operator = await operatorOf(request)
    const call = hotlineCall()
    const filed = await request.post('/api/v1/intake').set(operator).send(call)
    const act = (auth: Record<string, string>, body: Record<string, unknown>) =>
      request.post(`/api/v1/cases/${filed.body.id}/transitions`).set(auth).send(body)
    expect((await act(world.cultureHandler.auth, { action: 'accept' })).status).toBe(200)
    expect((await act(world.cultureHandler.auth, { action: 'resolve', message: '已恢复开放' })).status).toBe(
      200,
    )
    expect((await act(world.admin.auth, { action: 'close', reason: '已电话确认' })).status).toBe(200)
    clock.advance(31 * 86_400_000)
    await anonymiseClosedCases(deps)
    const intake = await IntakeCallModel.findById(filed.body.id)
    expect(intake?.caller).toMatchObject({ name: '', phone: '' })
    expect(JSON.stringify(intake)).not.toContain(filed.body.queryCode)
    const lookup = await request
      .post('/api/v1/public/case-lookup')
      .send({ phone: call.caller.phone, code: filed.body.queryCode })
    expect(lookup.status).toBe(404)
  })
})

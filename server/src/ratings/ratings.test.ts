import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUser, loginAs, uniquePhone } from '../../test/factories'
import { startSmsStub } from '../../test/smsStub'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { closeUnratedCases } from '../cases/closeUnrated'
import { OutboxModel } from '../notifications/outbox.model'
import { chaseRatings } from './chaseRatings'
import { inboundSignature } from './inboundSms'
import { RatingAttemptModel } from './ratingAttempt.model'

const inboundSecret = 'inbound-secret-0123456789'
const day = 86_400_000

let stub: Awaited<ReturnType<typeof startSmsStub>>
beforeAll(async () => {
  stub = await startSmsStub()
})
afterAll(() => stub.stop())

/** Waits for the stub gateway to receive an SMS of the template for the phone (sending runs in the background). */
async function smsTo(phone: string, template: string) {
  for (let i = 0; i < 400; i++) {
    const message = stub.state.received.findLast((m) => m.phone === phone && m.template === template)
    if (message) return message
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`no ${template} SMS reached the phone`)
}

/** A hotline caller's case, filed, accepted, replied and resolved by the culture bureau. */
async function resolvedCall(clock = manualClock(new Date('2026-03-10T10:00:00+08:00'))) {
  const { request, deps } = testApp({
    clock,
    env: { ...stub.aliyunEnv(), SMS_INBOUND_SECRET: inboundSecret },
  })
  const world = await caseWorld(request)
  const operatorTokens = await loginAs(request, await buildUser({ role: 'operator' }))
  const operator = { Authorization: `Bearer ${operatorTokens.accessToken}` }
  const phone = uniquePhone()
  const filed = await request
    .post('/api/v1/intake')
    .set(operator)
    .send({
      clientId: randomUUID(),
      channel: 'hotline',
      kind: 'help',
      categoryCode: 'culture.library',
      title: '农家书屋不开门',
      description: '来电反映农家书屋两个月没开门。',
      caller: { name: '李大爷', phone },
    })
  expect(filed.status).toBe(201)
  const id = filed.body.id as string
  const act = (body: Record<string, unknown>) =>
    request.post(`/api/v1/cases/${id}/transitions`).set(world.cultureHandler.auth).send(body)
  expect((await act({ action: 'accept' })).status).toBe(200)
  expect((await act({ action: 'reply', message: '已安排管理员每天开放。' })).status).toBe(200)
  expect((await act({ action: 'resolve', message: '书屋已恢复开放。' })).status).toBe(200)
  return { request, deps, world, operator, phone, id, filed: filed.body, clock }
}

function inbound(phone: string, content: string, at: Date, secret = inboundSecret) {
  const message = { phone, content, timestamp: at.toISOString() }
  return { message, signature: inboundSignature(secret, message) }
}

describe('SMS to a caller on the key events of their case', { timeout: 90_000 }, () => {
  it('sends accepted (number + query code), replied, resolved and a rating request through the outbox', async () => {
    const { phone, filed } = await resolvedCall()
    const accepted = await smsTo(phone, 'SMS_CASE_ACCEPTED')
    expect(accepted).toMatchObject({
      signatureValid: true,
      params: { number: filed.number, code: filed.queryCode },
    })
    // The automatic first reply names the unit the case went to (replyTemplates/firstReply.ts).
    expect((await smsTo(phone, 'SMS_CASE_ROUTED')).params.number).toBe(filed.number)
    await smsTo(phone, 'SMS_CASE_REPLIED')
    await smsTo(phone, 'SMS_CASE_RESOLVED')
    const rating = await smsTo(phone, 'SMS_RATING_REQUEST')
    expect(rating.params.reply).toBe('回复1满意，2基本满意，3不满意')
    expect(rating.params.link).toMatch(/pages\/lookup\/rate\/index\?c=[A-Z0-9]{10}$/)
    await expect
      .poll(async () =>
        (await OutboxModel.find({ channel: 'sms', address: phone })).map((item) => item.status),
      )
      .toEqual(['sent', 'sent', 'sent', 'sent', 'sent'])
  })
})

describe('rating from any channel', { timeout: 90_000 }, () => {
  it('an SMS reply "2" from the caller rates the case 基本满意 (ratedVia sms), once, with the signature checked', async () => {
    const { request, phone, id, clock } = await resolvedCall()
    await smsTo(phone, 'SMS_RATING_REQUEST')
    const forged = inbound(phone, '2', clock.now(), 'wrong-secret-0123456789')
    const refused = await request
      .post('/api/v1/sms/inbound')
      .set('X-Sms-Signature', forged.signature)
      .send(forged.message)
    expect(refused.status).toBe(401)
    expect(refused.body.error.code).toBe('SMS_SIGNATURE_INVALID')
    const stale = inbound(phone, '2', new Date(clock.now().getTime() - 3_600_000))
    expect(
      (await request.post('/api/v1/sms/inbound').set('X-Sms-Signature', stale.signature).send(stale.message))
        .status,
    ).toBe(401)

    const reply = inbound(`+86${phone}`, '2 还行', clock.now())
    const answer = await request
      .post('/api/v1/sms/inbound')
      .set('X-Sms-Signature', reply.signature)
      .send(reply.message)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ matched: true, rating: 'basically_satisfied' })
    const record = await CaseModel.findById(id)
    expect(record).toMatchObject({
      status: 'closed',
      closedReason: 'rated',
      rating: { value: 'basically_satisfied' },
    })
    const event = await CaseEventModel.findOne({ caseId: id, action: 'rate' })
    expect(event?.data).toMatchObject({ rating: 'basically_satisfied', ratedVia: 'sms' })

    const again = inbound(phone, '3', clock.now())
    const second = await request
      .post('/api/v1/sms/inbound')
      .set('X-Sms-Signature', again.signature)
      .send(again.message)
    expect(second.body).toEqual({ matched: false, reason: 'noOpenRequest' })
    expect(await CaseEventModel.countDocuments({ caseId: id, action: 'rate' })).toBe(1)
  })

  it('a one-time H5 link rates the case (ratedVia link) and then stops working', async () => {
    const { request, phone, id, filed } = await resolvedCall()
    const link = (await smsTo(phone, 'SMS_RATING_REQUEST')).params.link!
    const code = new URL(link, 'http://h5').hash.split('c=')[1]!
    const shown = await request.get(`/api/v1/public/rating-links/${code}`)
    expect(shown.status).toBe(200)
    expect(shown.body).toMatchObject({ number: filed.number, status: 'resolved' })
    const rated = await request.post(`/api/v1/public/rating-links/${code}`).send({ rating: 'satisfied' })
    expect(rated.status).toBe(200)
    expect(rated.body.status).toBe('closed')
    expect((await CaseEventModel.findOne({ caseId: id, action: 'rate' }))?.data).toMatchObject({
      ratedVia: 'link',
    })
    const reused = await request.post(`/api/v1/public/rating-links/${code}`).send({ rating: 'unsatisfied' })
    expect(reused.status).toBe(404)
    expect(reused.body.error.code).toBe('RATING_LINK_INVALID')
  })

  it('closes as noRating only after 2 SMS and 1 follow-up call, and a 回访 records how the rating was obtained', async () => {
    const clock = manualClock(new Date('2026-03-10T10:00:00+08:00'))
    const { request, deps, phone, id } = await resolvedCall(clock)
    await smsTo(phone, 'SMS_RATING_REQUEST')
    // The rating window (7 days) has passed, but only one SMS went out: the case stays open.
    clock.advance(8 * day)
    await closeUnratedCases(deps)
    expect((await CaseModel.findById(id))?.status).toBe('resolved')
    const ratingSms = () => RatingAttemptModel.countDocuments({ caseId: id, kind: 'sms' })
    expect(await ratingSms()).toBe(1)
    await chaseRatings(deps)
    await chaseRatings(deps) // the second SMS is sent once
    expect(await ratingSms()).toBe(2)
    expect(
      stub.state.received.filter((m) => m.phone === phone && m.template === 'SMS_RATING_REQUEST'),
    ).toHaveLength(2)
    await closeUnratedCases(deps)
    expect((await CaseModel.findById(id))?.status).toBe('resolved')

    // Two SMS spent: the case is now on the operators' call list.
    // Eight days on, the first operator's token has expired: the follow-up shift logs in.
    const shift = await loginAs(request, await buildUser({ role: 'operator' }))
    const operator = { Authorization: `Bearer ${shift.accessToken}` }
    const due = await request.get('/api/v1/rating-calls').set(operator)
    const row = due.body.items.find((item: { caseId: string }) => item.caseId === id)
    expect(row).toMatchObject({ smsSent: 2, callsMade: 0, caller: { name: '李**' } })
    expect(JSON.stringify(due.body)).not.toContain(phone)
    const noAnswer = await request
      .post(`/api/v1/cases/${id}/rating-calls`)
      .set(operator)
      .send({ outcome: 'noAnswer' })
    expect(noAnswer.body).toEqual({ smsSent: 2, callsMade: 1 })
    await closeUnratedCases(deps)
    expect(await CaseModel.findById(id)).toMatchObject({ status: 'closed', closedReason: 'noRating' })
  })

  it('a follow-up operator records the rating from a call (ratedVia phoneFollowUp, how it was obtained)', async () => {
    const { request, id, operator } = await resolvedCall()
    const bad = await request
      .post(`/api/v1/cases/${id}/phone-follow-up-rating`)
      .set(operator)
      .send({ rating: 'ok' })
    expect(bad.status).toBe(400)
    const rated = await request
      .post(`/api/v1/cases/${id}/phone-follow-up-rating`)
      .set(operator)
      .send({ rating: 'unsatisfied', how: '本人接听', comment: '周末还是不开' })
    expect(rated.status).toBe(200)
    // 不满意 reopens once, as for a resident's rating.
    expect(rated.body.status).toBe('reopened')
    const event = await CaseEventModel.findOne({ caseId: id, action: 'rate' })
    expect(event?.data).toMatchObject({ rating: 'unsatisfied', ratedVia: 'phoneFollowUp', how: '本人接听' })
    expect(event?.actor.role).toBe('operator')
    const late = await request
      .post(`/api/v1/cases/${id}/phone-follow-up-rating`)
      .set(operator)
      .send({ rating: 'satisfied', how: '本人接听' })
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('RATING_NOT_OPEN')
  })
})

describe('满意率 per channel', { timeout: 90_000 }, () => {
  it('counts the hotline caller’s SMS rating under hotline, beside app ratings', async () => {
    // A day of its own: the other tests of this file rate hotline cases too.
    const { request, phone, world, clock } = await resolvedCall(
      manualClock(new Date('2026-04-14T10:00:00+08:00')),
    )
    await smsTo(phone, 'SMS_RATING_REQUEST')
    const reply = inbound(phone, '1', clock.now())
    await request.post('/api/v1/sms/inbound').set('X-Sms-Signature', reply.signature).send(reply.message)
    const period = { from: '2026-04-14T00:00:00+08:00', to: '2026-04-15T00:00:00+08:00' }
    const figures = await request
      .get('/api/v1/stats/satisfaction-by-channel')
      .query(period)
      .set(world.admin.auth)
    expect(figures.status).toBe(200)
    const hotline = figures.body.rows.find((row: { source: string }) => row.source === 'hotline')
    expect(hotline).toMatchObject({
      rated: 1,
      satisfied: 1,
      satisfactionRate: 1,
      byRatedVia: { sms: { rated: 1 } },
    })
    expect(figures.body.definition).toContain('满意率')
  })
})

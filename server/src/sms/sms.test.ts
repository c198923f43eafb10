import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock, testApp } from '../../test/testApp'
import { startSmsStub } from '../../test/smsStub'
import { OutboxModel } from '../notifications/outbox.model'
import { outboxPolicy, processOutbox } from '../notifications/processOutbox'
import { createAliyunSmsGateway, SmsError } from './smsGateway'

let stub: Awaited<ReturnType<typeof startSmsStub>>
beforeAll(async () => {
  stub = await startSmsStub()
})
afterAll(() => stub.stop())

const newPhone = () => `137${String(Date.now() + Math.floor(Math.random() * 1000)).slice(-8)}`

/** Waits for the stub to receive the login code sent to the phone (the send runs in the background). */
async function codeSentTo(phone: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const message = stub.state.received.findLast((m) => m.phone === phone)
    if (message) return message.params.code!
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`no SMS reached ${phone}`)
}

describe('SMS gateways (real HTTP clients, local stub)', () => {
  it('signs Aliyun SendSms requests as the gateway checks them, and reports refusals', async () => {
    const gateway = createAliyunSmsGateway({
      endpoint: stub.aliyunEnv().SMS_ENDPOINT,
      accessKeyId: 'stub-key',
      accessKeySecret: 'stub-secret',
      signName: '民情通',
    })
    const phone = newPhone()
    await gateway.send({
      phone,
      template: 'SMS_0002',
      params: { number: 'MQ20261201-0001', code: '12 34*~' },
    })
    expect(stub.state.received.at(-1)).toMatchObject({
      via: 'aliyun',
      phone,
      template: 'SMS_0002',
      signatureValid: true,
    })

    const wrongKey = createAliyunSmsGateway({
      ...stub.aliyunEnv(),
      endpoint: stub.aliyunEnv().SMS_ENDPOINT,
      accessKeyId: 'k',
      accessKeySecret: 'other',
      signName: '民情通',
    })
    await expect(wrongKey.send({ phone, template: 'SMS_0002', params: {} })).rejects.toBeInstanceOf(SmsError)
  })
})

describe('H5 login with an SMS code', () => {
  it('sends a code through the outbox, logs in once with it, and makes a new phone a resident', async () => {
    const { request } = testApp({ env: stub.aliyunEnv() })
    const phone = newPhone()
    const sent = await request.post('/api/v1/auth/sms/code').send({ phone })
    expect(sent.status).toBe(200)
    expect(sent.body).toEqual({ sent: true, retryAfterSeconds: 60, expiresInSeconds: 300 })
    const code = await codeSentTo(phone)
    expect(code).toMatch(/^\d{6}$/)
    expect(stub.state.received.findLast((m) => m.phone === phone)).toMatchObject({
      template: 'SMS_0001',
      signatureValid: true,
    })
    await expect
      .poll(async () => (await OutboxModel.findOne({ channel: 'sms', address: phone }))?.status)
      .toBe('sent')

    const wrong = await request
      .post('/api/v1/auth/sms/login')
      .send({ phone, code: code === '000000' ? '111111' : '000000' })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.code).toBe('INVALID_SMS_CODE')
    const login = await request.post('/api/v1/auth/sms/login').send({ phone, code })
    expect(login.status).toBe(200)
    expect(login.body.user).toMatchObject({ role: 'resident' })
    expect(login.body.accessToken).toBeTruthy()
    const again = await request.post('/api/v1/auth/sms/login').send({ phone, code })
    expect(again.status).toBe(401) // a code works once
  })

  it('stops guessing after five tries, even concurrent ones, and throttles resends', async () => {
    const { request } = testApp({ env: stub.webhookEnv() })
    const phone = newPhone()
    expect((await request.post('/api/v1/auth/sms/code').send({ phone })).status).toBe(200)
    const code = await codeSentTo(phone)
    expect(stub.state.received.findLast((m) => m.phone === phone)).toMatchObject({
      via: 'webhook',
      authorization: 'Bearer hook-token',
    })

    const guesses = Array.from({ length: 12 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
    )
    const answers = await Promise.all(
      guesses.map((guess) => request.post('/api/v1/auth/sms/login').send({ phone, code: guess })),
    )
    expect(answers.every((answer) => answer.status === 401)).toBe(true)
    // The tries are used up: the right code no longer works.
    expect((await request.post('/api/v1/auth/sms/login').send({ phone, code })).status).toBe(401)

    const resend = await request.post('/api/v1/auth/sms/code').send({ phone })
    expect(resend.status).toBe(429)
    expect(resend.body.error.details.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('keeps a refused SMS in the outbox with the reason and retries it', async () => {
    const clock = manualClock()
    const { request, deps } = testApp({ clock, env: stub.aliyunEnv() })
    stub.state.refuse = true
    try {
      const phone = newPhone()
      expect((await request.post('/api/v1/auth/sms/code').send({ phone })).status).toBe(200)
      // The request itself starts a send in the background; it is refused and kept to retry.
      const stored = () => OutboxModel.findOne({ channel: 'sms', address: phone })
      await expect.poll(async () => (await stored())?.lastError ?? '').toContain('isv.BUSINESS_LIMIT_CONTROL')
      const item = await stored()
      expect(item?.status).toBe('pending')
      stub.state.refuse = false
      clock.advance(outboxPolicy.baseDelayMs * 2)
      await processOutbox(deps)
      expect((await OutboxModel.findById(item!._id))?.status).toBe('sent')
    } finally {
      stub.state.refuse = false
    }
  })

  it('answers 503 when no SMS gateway is configured and 400 for a malformed phone', async () => {
    const { request } = testApp()
    expect((await request.post('/api/v1/auth/sms/code').send({ phone: newPhone() })).body.error.code).toBe(
      'SMS_NOT_CONFIGURED',
    )
    expect((await request.post('/api/v1/auth/sms/code').send({ phone: '12' })).status).toBe(400)
  })
})

import { lockoutPolicy } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { buildUser, loginAs, testPassword } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'

describe('POST /auth/login', () => {
  it('returns tokens and the user, and the access token opens /me', async () => {
    const { request } = testApp()
    const user = await buildUser({ role: 'handler', name: '李承办' })
    const response = await request
      .post('/api/v1/auth/login')
      .send({ phone: user.phone, password: testPassword })
    expect(response.status).toBe(200)
    expect(response.body.accessToken).toEqual(expect.any(String))
    expect(response.body.refreshToken).toEqual(expect.any(String))
    expect(response.body.user).toMatchObject({
      id: user.id,
      role: 'handler',
      name: '李承办',
      phone: user.phone,
    })

    const me = await request.get('/api/v1/me').set('Authorization', `Bearer ${response.body.accessToken}`)
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ id: user.id, role: 'handler', unitId: String(user.unitId) })
  })

  it('answers a wrong password and an unknown phone the same way', async () => {
    const { request } = testApp()
    const user = await buildUser()
    const wrong = await request.post('/api/v1/auth/login').send({ phone: user.phone, password: 'nope-nope' })
    const unknown = await request
      .post('/api/v1/auth/login')
      .send({ phone: '13711112222', password: 'nope-nope' })
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401)
      expect(response.body.error).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        message: '手机号或密码错误',
        messageEn: 'Wrong phone number or password',
      })
    }
  })

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const clock = manualClock()
    const { request } = testApp({ clock })
    const user = await buildUser()
    for (let attempt = 1; attempt < lockoutPolicy.maxFailures; attempt++) {
      const response = await request
        .post('/api/v1/auth/login')
        .send({ phone: user.phone, password: 'wrong-pass' })
      expect(response.status).toBe(401)
      expect(response.body.error.details.attemptsLeft).toBe(lockoutPolicy.maxFailures - attempt)
    }
    const locking = await request
      .post('/api/v1/auth/login')
      .send({ phone: user.phone, password: 'wrong-pass' })
    expect(locking.status).toBe(423)
    expect(locking.body.error.code).toBe('ACCOUNT_LOCKED')
    expect(locking.headers['retry-after']).toBe(String(lockoutPolicy.lockMinutes * 60))

    const stillLocked = await request
      .post('/api/v1/auth/login')
      .send({ phone: user.phone, password: testPassword })
    expect(stillLocked.status).toBe(423)

    clock.advance((lockoutPolicy.lockMinutes + 1) * 60_000)
    const unlocked = await request
      .post('/api/v1/auth/login')
      .send({ phone: user.phone, password: testPassword })
    expect(unlocked.status).toBe(200)
  })

  it('a successful login resets the failure count', async () => {
    const { request } = testApp()
    const user = await buildUser()
    for (let i = 0; i < lockoutPolicy.maxFailures - 1; i++) {
      await request.post('/api/v1/auth/login').send({ phone: user.phone, password: 'wrong-pass' })
    }
    await loginAs(request, user)
    const afterReset = await request
      .post('/api/v1/auth/login')
      .send({ phone: user.phone, password: 'wrong-pass' })
    expect(afterReset.body.error.details.attemptsLeft).toBe(lockoutPolicy.maxFailures - 1)
  })

  it('rejects malformed input with per-field issues', async () => {
    const { request } = testApp()
    const response = await request.post('/api/v1/auth/login').send({ phone: '12345', password: '' })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('VALIDATION_FAILED')
    const paths = response.body.error.issues.map((issue: { path: string }) => issue.path).sort()
    expect(paths).toEqual(['password', 'phone'])
  })

  it('rejects operator injection in the phone field', async () => {
    const { request } = testApp()
    await buildUser()
    const response = await request
      .post('/api/v1/auth/login')
      .send({ phone: { $ne: null }, password: { $ne: null } })
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('VALIDATION_FAILED')
  })

  it('never writes the phone number or password into the log', async () => {
    const { request, logLines } = testApp()
    const user = await buildUser()
    await request.post('/api/v1/auth/login').send({ phone: user.phone, password: 'wrong-pass' })
    await loginAs(request, user)
    const log = logLines.join('')
    expect(log).toContain('"route":"/api/v1/auth/login"')
    expect(log).not.toContain(user.phone!)
    expect(log).not.toContain(testPassword)
  })
})

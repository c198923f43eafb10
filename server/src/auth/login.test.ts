import { lockoutPolicy } from '@minqing/shared'
import { describe, expect, it, vi } from 'vitest'
import { buildUser, loginAs, testPassword } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { hashSlots } from './hashSlots'
import { passwords } from './passwords'

const login = (
  request: ReturnType<typeof testApp>['request'],
  phone: string | null | undefined,
  password: string,
) => request.post('/api/v1/auth/login').send({ phone, password })

/** Limits high enough that the lockout itself is what a test sees. */
const roomyLimits = { LOGIN_ATTEMPTS_PER_IP: '1000', LOGIN_ATTEMPTS_PER_ACCOUNT: '1000' }

describe('POST /auth/login', () => {
  it('returns tokens and the user, and the access token opens /me', async () => {
    const { request } = testApp()
    const user = await buildUser({ role: 'handler', name: '李承办' })
    const response = await login(request, user.phone, testPassword)
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

  it('answers an unknown phone, a wrong password and a locked account exactly alike', async () => {
    const { request } = testApp({ env: roomyLimits })
    const user = await buildUser()
    const locked = await buildUser()
    for (let i = 0; i < lockoutPolicy.maxFailures; i++) await login(request, locked.phone, 'wrong-pass')

    const answers = [
      await login(request, '13711112222', 'nope-nope'),
      await login(request, user.phone, 'nope-nope'),
      await login(request, locked.phone, 'nope-nope'),
      await login(request, locked.phone, testPassword),
    ]
    for (const response of answers) {
      expect(response.status).toBe(401)
      expect(response.headers['retry-after']).toBeUndefined()
      expect(response.body).toEqual({
        error: {
          code: 'INVALID_CREDENTIALS',
          message: '手机号或密码错误；多次输错后需等待一段时间再试',
          messageEn: 'Wrong phone number or password; after repeated failures, wait before retrying',
        },
      })
    }
  })

  it('checks at most maxFailures of 30 concurrent wrong passwords; the right one is refused while locked', async () => {
    const { request } = testApp({ env: roomyLimits })
    const user = await buildUser()
    const verify = vi.spyOn(passwords, 'verify')
    try {
      const burst = await Promise.all(
        Array.from({ length: 30 }, (_, i) => login(request, user.phone, `wrong-pass-${i}`)),
      )
      expect(burst.map((response) => response.status)).toEqual(Array(30).fill(401))
      const right = await login(request, user.phone, testPassword)
      expect(right.status).toBe(401)
      expect(right.body.error.code).toBe('INVALID_CREDENTIALS')
      const checkedAgainstTheRealHash = verify.mock.calls.filter(([, stored]) => stored === user.passwordHash)
      expect(checkedAgainstTheRealHash).toHaveLength(lockoutPolicy.maxFailures)
    } finally {
      verify.mockRestore()
    }
  })

  it('unlocks after the lock time', async () => {
    const clock = manualClock()
    const { request } = testApp({ clock, env: roomyLimits })
    const user = await buildUser()
    for (let i = 0; i < lockoutPolicy.maxFailures; i++) await login(request, user.phone, 'wrong-pass')
    expect((await login(request, user.phone, testPassword)).status).toBe(401)
    clock.advance((lockoutPolicy.lockMinutes - 1) * 60_000)
    expect((await login(request, user.phone, testPassword)).status).toBe(401)
    clock.advance(2 * 60_000)
    expect((await login(request, user.phone, testPassword)).status).toBe(200)
  })

  it('a successful login resets the failure count', async () => {
    const { request } = testApp({ env: roomyLimits })
    const user = await buildUser()
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < lockoutPolicy.maxFailures - 1; i++) await login(request, user.phone, 'wrong-pass')
      expect((await login(request, user.phone, testPassword)).status).toBe(200)
    }
  })

  it('limits attempts per client IP with 429 TOO_MANY_ATTEMPTS and Retry-After; a spoofed X-Forwarded-For does not help', async () => {
    const { request } = testApp({ env: { LOGIN_ATTEMPTS_PER_IP: '3', TRUST_PROXY_HOPS: '1' } })
    const user = await buildUser()
    // The proxy appends what it saw (198.51.100.7); the attacker writes anything in front of it.
    const via = (i: number) => ({ 'X-Forwarded-For': `10.9.${i}.1, 198.51.100.7` })
    for (let i = 0; i < 3; i++) {
      expect((await login(request, user.phone, 'wrong-pass').set(via(i))).status).toBe(401)
    }
    const limited = await login(request, '13711112222', 'wrong-pass').set(via(3))
    expect(limited.status).toBe(429)
    expect(limited.body.error).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      message: '登录尝试过于频繁，请稍后再试',
    })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    const otherClient = await login(request, user.phone, testPassword).set({
      'X-Forwarded-For': '198.51.100.8',
    })
    expect(otherClient.status).toBe(200)
  })

  it('takes the Nth address from the right with TRUST_PROXY_HOPS=N, and the socket address with 0', async () => {
    const twoHops = testApp({ env: { LOGIN_ATTEMPTS_PER_IP: '1', TRUST_PROXY_HOPS: '2' } })
    await login(twoHops.request, '13711112222', 'x').set({
      'X-Forwarded-For': '1.1.1.1, 203.0.113.5, 10.0.0.2',
    })
    const sameClient = await login(twoHops.request, '13711112223', 'x').set({
      'X-Forwarded-For': '2.2.2.2, 203.0.113.5, 10.0.0.3',
    })
    expect(sameClient.status).toBe(429)

    const noProxy = testApp({ env: { LOGIN_ATTEMPTS_PER_IP: '1', TRUST_PROXY_HOPS: '0' } })
    await login(noProxy.request, '13711112222', 'x').set({ 'X-Forwarded-For': '1.1.1.1' })
    const spoofed = await login(noProxy.request, '13711112223', 'x').set({ 'X-Forwarded-For': '2.2.2.2' })
    expect(spoofed.status).toBe(429)
  })

  it('limits attempts per phone number alike for registered and unknown phones', async () => {
    const { request } = testApp({ env: { LOGIN_ATTEMPTS_PER_ACCOUNT: '2', TRUST_PROXY_HOPS: '1' } })
    const user = await buildUser()
    for (const phone of [user.phone, '13711112222']) {
      const from = (i: number) => ({ 'X-Forwarded-For': `203.0.113.${i}` })
      expect((await login(request, phone, 'wrong-pass').set(from(1))).status).toBe(401)
      expect((await login(request, phone, 'wrong-pass').set(from(2))).status).toBe(401)
      const third = await login(request, phone, 'wrong-pass').set(from(3))
      expect(third.status).toBe(429)
      expect(third.body.error.code).toBe('TOO_MANY_ATTEMPTS')
    }
  })

  it('gives a successful login its attempt back, so colleagues behind one address are not limited', async () => {
    const { request } = testApp({ env: { LOGIN_ATTEMPTS_PER_IP: '2' } })
    for (let i = 0; i < 4; i++) await loginAs(request, await buildUser())
  })

  it('answers 503 SERVER_BUSY at once when the scrypt queue is full, while other requests go on', async () => {
    const { request } = testApp({ env: roomyLimits })
    const user = await buildUser()
    hashSlots.configure({ concurrency: 1, queue: 0 })
    let release!: () => void
    const held = hashSlots.run(() => new Promise<void>((resolve) => (release = resolve)))
    try {
      const busy = await login(request, user.phone, testPassword)
      expect(busy.status).toBe(503)
      expect(busy.body.error.code).toBe('SERVER_BUSY')
      expect(busy.headers['retry-after']).toBe('1')
      expect((await request.get('/healthz')).status).toBe(200)
    } finally {
      release()
      await held
      hashSlots.configure({ concurrency: 2, queue: 16 })
    }
    // The refused check did not use up one of the account's attempts.
    for (let i = 0; i < lockoutPolicy.maxFailures - 1; i++) await login(request, user.phone, 'wrong-pass')
    expect((await login(request, user.phone, testPassword)).status).toBe(200)
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
    const { request, logLines } = testApp({ env: roomyLimits })
    const user = await buildUser()
    for (let i = 0; i < lockoutPolicy.maxFailures; i++) await login(request, user.phone, 'wrong-pass')
    await loginAs(request, await buildUser())
    const log = logLines.join('')
    expect(log).toContain('"route":"/api/v1/auth/login"')
    expect(log).toContain('account locked')
    expect(log).not.toContain(user.phone!)
    expect(log).not.toContain(testPassword)
  })
})

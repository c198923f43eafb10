import { describe, expect, it } from 'vitest'
import { buildUser, loginAs, testPassword } from '../../test/factories'
import { testApp } from '../../test/testApp'

const newPassword = 'a-much-better-secret'

describe('POST /auth/password', () => {
  it('changes the password with the current one, ends every other session and returns a new one', async () => {
    const { request } = testApp()
    const user = await buildUser()
    const other = await loginAs(request, user)
    const changed = await request
      .post('/api/v1/auth/password')
      .send({ phone: user.phone, currentPassword: testPassword, newPassword })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ user: { id: user.id }, refreshToken: expect.any(String) })

    const stale = await request.post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken })
    expect(stale.status).toBe(401)
    const fresh = await request.post('/api/v1/auth/refresh').send({ refreshToken: changed.body.refreshToken })
    expect(fresh.status).toBe(200)
    const old = await request.post('/api/v1/auth/login').send({ phone: user.phone, password: testPassword })
    expect(old.status).toBe(401)
    const now = await request.post('/api/v1/auth/login').send({ phone: user.phone, password: newPassword })
    expect(now.status).toBe(200)
  })

  it('refuses a weak new password with every problem keyed by field, and a wrong current one like a login', async () => {
    const { request } = testApp()
    const user = await buildUser()
    const weak = await request
      .post('/api/v1/auth/password')
      .send({ phone: user.phone, currentPassword: testPassword, newPassword: 'qq123456' })
    expect(weak.status).toBe(400)
    expect(weak.body.error.code).toBe('VALIDATION_FAILED')
    expect(weak.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'newPassword',
      'newPassword',
    ])
    const asPhone = await request
      .post('/api/v1/auth/password')
      .send({ phone: user.phone, currentPassword: testPassword, newPassword: user.phone })
    expect(asPhone.status).toBe(400)
    expect(asPhone.body.error.issues[0].message).toMatch(/^密码不能与手机号相关/)
    const wrong = await request
      .post('/api/v1/auth/password')
      .send({ phone: user.phone, currentPassword: 'not-my-password', newPassword })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS')
  })
})

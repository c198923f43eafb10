import { describe, expect, it } from 'vitest'
import { buildUser, loginAs, testPassword } from '../../test/factories'
import { testApp } from '../../test/testApp'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('passwords set by admins', () => {
  it('refuses weak passwords when creating accounts: short, common, the phone number', async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    for (const password of ['12345678', 'woaini1314', 'a123456789', '13655558888']) {
      const response = await request
        .post('/api/v1/users')
        .set(bearer(admin.accessToken))
        .send({ phone: '13655558888', name: '新居民', role: 'resident', password })
      expect(response.status, password).toBe(400)
      expect(response.body.error.code).toBe('VALIDATION_FAILED')
      expect(response.body.error.issues[0].path).toBe('password')
    }
  })

  it('a reset gives a one-time password: sessions end, login asks for a new password, the change logs in', async () => {
    const { request, logLines } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const user = await buildUser()
    const session = await loginAs(request, user)

    const reset = await request.post(`/api/v1/users/${user.id}/password-reset`).set(bearer(admin.accessToken))
    expect(reset.status).toBe(200)
    expect(reset.body).toEqual({
      temporaryPassword: expect.stringMatching(/^[A-Za-z2-9]{12}$/),
      mustChangePassword: true,
    })
    const temporary = reset.body.temporaryPassword as string
    expect(logLines.join('')).not.toContain(temporary)

    expect(
      (await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })).status,
    ).toBe(401)
    const old = await request.post('/api/v1/auth/login').send({ phone: user.phone, password: testPassword })
    expect(old.status).toBe(401)
    const withTemporary = await request
      .post('/api/v1/auth/login')
      .send({ phone: user.phone, password: temporary })
    expect(withTemporary.status).toBe(403)
    expect(withTemporary.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED')

    const changed = await request
      .post('/api/v1/auth/password')
      .send({ phone: user.phone, currentPassword: temporary, newPassword: 'my-own-new-secret' })
    expect(changed.status).toBe(200)
    const again = await request.post('/api/v1/auth/login').send({ phone: user.phone, password: temporary })
    expect(again.status).toBe(401)
    const login = await request
      .post('/api/v1/auth/login')
      .send({ phone: user.phone, password: 'my-own-new-secret' })
    expect(login.status).toBe(200)
  })

  it('only admins reset passwords', async () => {
    const { request } = testApp()
    const leader = await loginAs(request, await buildUser({ role: 'leader' }))
    const user = await buildUser()
    const response = await request
      .post(`/api/v1/users/${user.id}/password-reset`)
      .set(bearer(leader.accessToken))
    expect(response.status).toBe(403)
    expect(response.body.error.code).toBe('FORBIDDEN')
  })
})

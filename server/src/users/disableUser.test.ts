import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser, loginAs, testPassword } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { startSmsStub } from '../../test/smsStub'
import { startWechatStub } from '../../test/wechatStub'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

let sms: Awaited<ReturnType<typeof startSmsStub>>
let wechat: Awaited<ReturnType<typeof startWechatStub>>
beforeAll(async () => {
  sms = await startSmsStub()
  wechat = await startWechatStub()
})
afterAll(async () => {
  await sms.stop()
  await wechat.stop()
})

async function smsCodeFor(phone: string): Promise<string> {
  await expect.poll(() => sms.state.received.some((m) => m.phone === phone), { timeout: 10_000 }).toBe(true)
  return sms.state.received.findLast((m) => m.phone === phone)!.params.code!
}

describe('disabling an account', { timeout: 60_000 }, () => {
  it('refuses password login, the existing access token and the refresh token; re-enabling restores login', async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const user = await buildUser({ role: 'handler' })
    const session = await loginAs(request, user)
    expect((await request.get('/api/v1/me').set(bearer(session.accessToken))).status).toBe(200)

    const disabled = await request
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin.accessToken))
      .send({ disabled: true })
    expect(disabled.status).toBe(200)
    expect(disabled.body).toMatchObject({ id: user.id, disabled: true })

    const me = await request.get('/api/v1/me').set(bearer(session.accessToken))
    expect(me.status).toBe(403)
    expect(me.body.error.code).toBe('ACCOUNT_DISABLED')
    const refreshed = await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })
    expect(refreshed.status).toBeGreaterThanOrEqual(401)
    expect(refreshed.status).toBeLessThan(404)
    const login = await request.post('/api/v1/auth/login').send({ phone: user.phone, password: testPassword })
    expect(login.status).toBe(403)
    expect(login.body.error.code).toBe('ACCOUNT_DISABLED')

    const enabled = await request
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin.accessToken))
      .send({ disabled: false })
    expect(enabled.body.disabled).toBe(false)
    const back = await loginAs(request, user)
    expect((await request.get('/api/v1/me').set(bearer(back.accessToken))).status).toBe(200)
    // The refresh family revoked at disabling stays revoked: re-enabling needs a fresh login.
    const stale = await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })
    expect(stale.status).toBe(401)
  })

  it('refuses SMS-code and WeChat logins of a disabled account', async () => {
    const { request } = testApp({ env: { ...sms.webhookEnv(), ...wechat.env() } })
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const resident = (await request.post('/api/v1/auth/wechat').send({ code: 'to-disable' })).body
    expect(resident.user.role).toBe('resident')
    const phoneUser = await buildUser({ role: 'staff' })
    for (const id of [resident.user.id, phoneUser.id]) {
      const answer = await request
        .patch(`/api/v1/users/${id}`)
        .set(bearer(admin.accessToken))
        .send({ disabled: true })
      expect(answer.status).toBe(200)
    }
    const wechatLogin = await request.post('/api/v1/auth/wechat').send({ code: 'to-disable' })
    expect(wechatLogin.status).toBe(403)
    expect(wechatLogin.body.error.code).toBe('ACCOUNT_DISABLED')
    expect((await request.post('/api/v1/auth/sms/code').send({ phone: phoneUser.phone })).status).toBe(200)
    const code = await smsCodeFor(phoneUser.phone!)
    const smsLogin = await request.post('/api/v1/auth/sms/login').send({ phone: phoneUser.phone, code })
    expect(smsLogin.status).toBe(403)
    expect(smsLogin.body.error.code).toBe('ACCOUNT_DISABLED')
  })

  it("a changed role ends the old access token's role (TOKEN_EXPIRED, so the client refreshes into the new one)", async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const leader = await buildUser({ role: 'leader' })
    const session = await loginAs(request, leader)
    expect((await request.get('/api/v1/users').set(bearer(session.accessToken))).status).toBe(200)
    const demoted = await request
      .patch(`/api/v1/users/${leader.id}`)
      .set(bearer(admin.accessToken))
      .send({ role: 'staff' })
    expect(demoted.status).toBe(200)
    const old = await request.get('/api/v1/users').set(bearer(session.accessToken))
    expect(old.status).toBe(401)
    expect(old.body.error.code).toBe('TOKEN_EXPIRED')
    const refreshed = await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.user.role).toBe('staff')
    const now = await request.get('/api/v1/users').set(bearer(refreshed.body.accessToken))
    expect(now.status).toBe(403)
  })
})

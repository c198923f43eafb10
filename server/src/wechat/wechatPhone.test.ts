import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { startWechatStub } from '../../test/wechatStub'
import { IdentityModel } from '../users/identity.model'
import { UserModel } from '../users/user.model'

let stub: Awaited<ReturnType<typeof startWechatStub>>
beforeAll(async () => {
  stub = await startWechatStub()
})
afterAll(() => stub.stop())

const wechatResident = async (request: ReturnType<typeof testApp>['request'], name: string) => {
  const login = await request.post('/api/v1/auth/wechat').send({ code: `${name}-${Date.now()}` })
  expect(login.status).toBe(200)
  return { auth: { Authorization: `Bearer ${login.body.accessToken}` }, userId: login.body.user.id as string }
}

describe("a resident's verified phone number from WeChat (getPhoneNumber)", () => {
  it('exchanges the button code with WeChat and binds the number, marked verified', async () => {
    const { request } = testApp({ env: stub.env() })
    const resident = await wechatResident(request, 'phone-owner')
    const phone = `139${String(Date.now()).slice(-8)}`
    stub.state.phoneCodes.set('code-owner', [phone, '86'])

    const bound = await request
      .post('/api/v1/me/phone/wechat')
      .set(resident.auth)
      .send({ code: 'code-owner' })
    expect(bound.status).toBe(200)
    expect(bound.body.phone).toBe(phone)
    const user = await UserModel.findById(resident.userId)
    expect(user!.phone).toBe(phone)
    expect(user!.phoneVerifiedAt).toBeInstanceOf(Date)
    expect(await IdentityModel.countDocuments({ provider: 'phone', key: phone })).toBe(1)
    // The same number again (a retry) is fine; for someone else it is refused.
    expect(
      (await request.post('/api/v1/me/phone/wechat').set(resident.auth).send({ code: 'code-owner' })).status,
    ).toBe(200)
    const other = await wechatResident(request, 'phone-other')
    stub.state.phoneCodes.set('code-other', [phone, '86'])
    const taken = await request.post('/api/v1/me/phone/wechat').set(other.auth).send({ code: 'code-other' })
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('PHONE_IN_USE')
  })

  it("answers WeChat's refusal, a foreign number and a missing configuration with clear codes", async () => {
    const { request } = testApp({ env: stub.env() })
    const resident = await wechatResident(request, 'phone-refused')
    const refused = await request.post('/api/v1/me/phone/wechat').set(resident.auth).send({ code: 'unknown' })
    expect(refused.status).toBe(502)
    expect(refused.body.error).toMatchObject({ code: 'WECHAT_PHONE_FAILED', details: { errcode: 40029 } })

    stub.state.phoneCodes.set('code-hk', ['91234567', '852'])
    const foreign = await request.post('/api/v1/me/phone/wechat').set(resident.auth).send({ code: 'code-hk' })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.code).toBe('PHONE_NOT_SUPPORTED')

    const empty = await request.post('/api/v1/me/phone/wechat').set(resident.auth).send({ code: '' })
    expect(empty.status).toBe(400)

    // Without WeChat configured the route says so.
    const plain = testApp()
    const guest = await plain.request
      .post('/api/v1/auth/guest')
      .send({ deviceId: `device-${Date.now()}-abcdef` })
    const notConfigured = await plain.request
      .post('/api/v1/me/phone/wechat')
      .set({ Authorization: `Bearer ${guest.body.accessToken}` })
      .send({ code: 'code-owner' })
    expect(notConfigured.status).toBe(503)
    expect(notConfigured.body.error.code).toBe('WECHAT_NOT_CONFIGURED')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { startWechatStub } from '../../test/wechatStub'

let stub: Awaited<ReturnType<typeof startWechatStub>>

beforeAll(async () => {
  stub = await startWechatStub()
})

afterAll(() => stub.stop())

const wechatEnv = () => stub.env()

describe('POST /auth/wechat', () => {
  it('creates a resident on first login and finds the same one next time', async () => {
    const { request } = testApp({ env: wechatEnv() })
    const first = await request.post('/api/v1/auth/wechat').send({ code: 'user-a' })
    expect(first.status).toBe(200)
    expect(first.body.user).toMatchObject({ role: 'resident', isGuest: false })
    const again = await request.post('/api/v1/auth/wechat').send({ code: 'user-a' })
    expect(again.body.user.id).toBe(first.body.user.id)
    const other = await request.post('/api/v1/auth/wechat').send({ code: 'user-b' })
    expect(other.body.user.id).not.toBe(first.body.user.id)

    const query = stub.state.sessionQueries.at(-1)!
    expect(query.get('appid')).toBe('wx-test-app')
    expect(query.get('grant_type')).toBe('authorization_code')
  })

  it('answers 502 WECHAT_LOGIN_FAILED when WeChat rejects the code', async () => {
    const { request } = testApp({ env: wechatEnv() })
    const response = await request.post('/api/v1/auth/wechat').send({ code: 'bad-code' })
    expect(response.status).toBe(502)
    expect(response.body.error).toMatchObject({ code: 'WECHAT_LOGIN_FAILED', details: { errcode: 40029 } })
  })

  it('answers 502 when WeChat cannot be reached', async () => {
    const { request } = testApp({ env: { ...wechatEnv(), WECHAT_API_BASE: 'http://127.0.0.1:9' } })
    const response = await request.post('/api/v1/auth/wechat').send({ code: 'user-a' })
    expect(response.status).toBe(502)
    expect(response.body.error.code).toBe('WECHAT_LOGIN_FAILED')
  })

  it('answers 503 WECHAT_NOT_CONFIGURED without an app id', async () => {
    const { request } = testApp()
    const response = await request.post('/api/v1/auth/wechat').send({ code: 'user-a' })
    expect(response.status).toBe(503)
    expect(response.body.error.code).toBe('WECHAT_NOT_CONFIGURED')
  })
})

describe('POST /auth/guest', () => {
  it('binds a resident to the device id', async () => {
    const { request } = testApp()
    const deviceId = 'dev_' + 'x'.repeat(30)
    const first = await request.post('/api/v1/auth/guest').send({ deviceId })
    expect(first.status).toBe(200)
    expect(first.body.user).toMatchObject({ role: 'resident', isGuest: true, name: '游客' })
    const again = await request.post('/api/v1/auth/guest').send({ deviceId })
    expect(again.body.user.id).toBe(first.body.user.id)
    const short = await request.post('/api/v1/auth/guest').send({ deviceId: 'abc' })
    expect(short.status).toBe(400)
    expect(short.body.error.issues[0].path).toBe('deviceId')
  })
})

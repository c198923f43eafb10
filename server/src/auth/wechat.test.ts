import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'

/** A local stand-in for api.weixin.qq.com's code2session: real HTTP, answers by code. */
let stub: Server
let stubBase: string
const seenQueries: URLSearchParams[] = []

beforeAll(async () => {
  stub = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    seenQueries.push(url.searchParams)
    res.setHeader('content-type', 'application/json')
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404
      res.end('{}')
      return
    }
    const code = url.searchParams.get('js_code')
    if (code === 'bad-code') {
      res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }))
      return
    }
    res.end(JSON.stringify({ openid: `openid-for-${code}`, session_key: 'secret-session-key' }))
  })
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve))
  stubBase = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())))

const wechatEnv = () => ({
  WECHAT_APPID: 'wx-test-app',
  WECHAT_SECRET: 'wx-test-secret',
  WECHAT_API_BASE: stubBase,
})

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

    const query = seenQueries.at(-1)!
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

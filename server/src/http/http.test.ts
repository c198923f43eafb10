import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'

describe('HTTP edges', () => {
  it('serves liveness and readiness', async () => {
    const { request } = testApp()
    expect((await request.get('/healthz')).body).toEqual({ status: 'ok' })
    const ready = await request.get('/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body).toEqual({ status: 'ready' })
  })

  it('answers invalid JSON with 400 INVALID_JSON', async () => {
    const { request } = testApp()
    const response = await request
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"phone":')
    expect(response.status).toBe(400)
    expect(response.body.error.code).toBe('INVALID_JSON')
  })

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const { request } = testApp({ env: { BODY_LIMIT: '10kb' } })
    const response = await request
      .post('/api/v1/auth/login')
      .send({ phone: '13800000000', password: 'x'.repeat(20_000) })
    expect(response.status).toBe(413)
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('answers a body of the wrong content type with 415', async () => {
    const { request } = testApp()
    const response = await request
      .post('/api/v1/auth/login')
      .set('content-type', 'text/plain')
      .send('phone=1')
    expect(response.status).toBe(415)
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers unknown API paths with 404 ROUTE_NOT_FOUND in the error format', async () => {
    const { request } = testApp()
    const response = await request.get('/api/v1/no-such-thing')
    expect(response.status).toBe(404)
    expect(response.body.error).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: '接口不存在',
      messageEn: 'No such endpoint',
    })
  })
})

describe('method override for the mini-program', () => {
  it('treats POST with X-HTTP-Method-Override: PATCH as PATCH, and nothing else', async () => {
    const { request } = testApp()
    const viaPost = await request
      .post('/api/v1/categories/culture')
      .set('X-HTTP-Method-Override', 'PATCH')
      .send({ name: 'x' })
    expect(viaPost.status).toBe(401) // reached the PATCH route, which requires an admin
    const deleteOverride = await request
      .post('/api/v1/categories/culture')
      .set('X-HTTP-Method-Override', 'DELETE')
      .send({})
    // Still a POST, and no POST route exists there.
    expect(deleteOverride.status).toBe(404)
    expect(deleteOverride.body.error.code).toBe('ROUTE_NOT_FOUND')
  })
})

import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'

const requestLines = (lines: string[]) =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request')

describe('access log', () => {
  it('records the status the client got: 401 and 400 answers are not logged as 404', async () => {
    const { request, logLines } = testApp()
    expect((await request.get('/api/v1/me')).status).toBe(401)
    expect((await request.post('/api/v1/auth/login').send({ phone: 'x' })).status).toBe(400)
    expect((await request.get('/api/v1/no-such-thing')).status).toBe(404)
    const lines = requestLines(logLines)
    expect(lines.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
      { method: 'GET', route: '/api/v1/me', status: 401 },
      { method: 'POST', route: '/api/v1/auth/login', status: 400 },
      { method: 'GET', route: 'unmatched', status: 404 },
    ])
  })
})

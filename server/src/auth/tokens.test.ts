import { tokenLifetimes } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'

describe('access and refresh tokens', () => {
  it('refuses requests without a token, with a garbage token, and with an expired token', async () => {
    const clock = manualClock()
    const { request } = testApp({ clock })
    const session = await loginAs(request, await buildUser())

    const none = await request.get('/api/v1/me')
    expect(none.status).toBe(401)
    expect(none.body.error.code).toBe('UNAUTHENTICATED')

    const garbage = await request.get('/api/v1/me').set('Authorization', 'Bearer not.a.jwt')
    expect(garbage.status).toBe(401)
    expect(garbage.body.error.code).toBe('INVALID_TOKEN')

    clock.advance((tokenLifetimes.accessSeconds + 1) * 1000)
    const expired = await request.get('/api/v1/me').set('Authorization', `Bearer ${session.accessToken}`)
    expect(expired.status).toBe(401)
    expect(expired.body.error.code).toBe('TOKEN_EXPIRED')
  })

  it('a token already accepted is refused once it expires, and an altered copy of it is refused', async () => {
    const clock = manualClock()
    const { request } = testApp({ clock })
    const session = await loginAs(request, await buildUser())
    const me = () => request.get('/api/v1/me').set('Authorization', `Bearer ${session.accessToken}`)
    expect((await me()).status).toBe(200)
    expect((await me()).status).toBe(200)

    // The same token with another claim part (its signature no longer matches).
    const [header, payload, signature] = session.accessToken.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')
    const altered = await request
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${header}.${forged}.${signature}`)
    expect(altered.status).toBe(401)
    expect(altered.body.error.code).toBe('INVALID_TOKEN')

    clock.advance(tokenLifetimes.accessSeconds * 1000)
    const expired = await me()
    expect(expired.status).toBe(401)
    expect(expired.body.error.code).toBe('TOKEN_EXPIRED')
  })

  it('refreshes into a new working pair and rotates the refresh token', async () => {
    const clock = manualClock()
    const { request } = testApp({ clock })
    const session = await loginAs(request, await buildUser())
    clock.advance((tokenLifetimes.accessSeconds + 1) * 1000)

    const refreshed = await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.refreshToken).not.toBe(session.refreshToken)
    const me = await request.get('/api/v1/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`)
    expect(me.status).toBe(200)
  })

  it('treats reuse of a rotated refresh token as theft and revokes the whole family', async () => {
    const { request } = testApp()
    const session = await loginAs(request, await buildUser())
    const first = await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })
    expect(first.status).toBe(200)

    const replay = await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })
    expect(replay.status).toBe(401)
    expect(replay.body.error.code).toBe('INVALID_TOKEN')

    const legit = await request.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken })
    expect(legit.status).toBe(401)
  })

  it('two concurrent refreshes with one token: exactly one succeeds, the family dies, a warning is logged', async () => {
    const { request, logLines } = testApp()
    const user = await buildUser()
    const session = await loginAs(request, user)
    const [a, b] = await Promise.all(
      [1, 2].map(() => request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })),
    )
    const statuses = [a!.status, b!.status].sort()
    expect(statuses).toEqual([200, 401])
    const winner = a!.status === 200 ? a! : b!
    const after = await request.post('/api/v1/auth/refresh').send({ refreshToken: winner.body.refreshToken })
    expect(after.status).toBe(401)
    expect(after.body.error.code).toBe('INVALID_TOKEN')
    const log = logLines.join('')
    expect(log).toContain('refresh token reused')
    expect(log).not.toContain(user.phone!)
    expect(log).not.toContain(session.refreshToken)
  })

  it('logout revokes the refresh token', async () => {
    const { request } = testApp()
    const session = await loginAs(request, await buildUser())
    expect(
      (await request.post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken })).status,
    ).toBe(200)
    const after = await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })
    expect(after.status).toBe(401)
  })

  it('a refresh token expires after its lifetime', async () => {
    const clock = manualClock()
    const { request } = testApp({ clock })
    const session = await loginAs(request, await buildUser())
    clock.advance((tokenLifetimes.refreshSeconds + 1) * 1000)
    const response = await request.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })
    expect(response.status).toBe(401)
  })
})

import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'

type Request = ReturnType<typeof testApp>['request']

/** A new guest (H5 device login) from a client IP, as the submit route sees it behind a proxy. */
async function guestFrom(request: Request, ip: string) {
  const deviceId = randomBytes(16).toString('base64url')
  const login = await request.post('/api/v1/auth/guest').set('X-Forwarded-For', ip).send({ deviceId })
  expect(login.status).toBe(200)
  return { Authorization: `Bearer ${login.body.accessToken as string}`, 'X-Forwarded-For': ip }
}

describe('guest submissions', () => {
  it('lets a guest file 3 cases a day (retries of accepted ones still answered), a registered resident more', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock, env: { TRUST_PROXY: 'true' } })
    const world = await caseWorld(request)
    const guest = await guestFrom(request, '198.51.100.1')
    const first = caseBody()
    expect((await request.post('/api/v1/cases').set(guest).send(first)).status).toBe(201)
    for (let i = 0; i < 2; i++)
      expect((await request.post('/api/v1/cases').set(guest).send(caseBody())).status).toBe(201)
    const fourth = await request.post('/api/v1/cases').set(guest).send(caseBody())
    expect(fourth.status).toBe(429)
    expect(fourth.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { max: 3, windowSeconds: 86_400 },
    })
    expect((await request.post('/api/v1/cases').set(guest).send(first)).status).toBe(200)

    for (let i = 0; i < 4; i++) {
      const filed = await request
        .post('/api/v1/cases')
        .set(world.resident.auth)
        .set('X-Forwarded-For', '198.51.100.2')
        .send(caseBody())
      expect(filed.status).toBe(201)
    }

    clock.advance(24 * 3600_000) // the next day's budget
    const refreshed = await guestFrom(request, '198.51.100.1') // (a fresh token: the old one expired)
    expect((await request.post('/api/v1/cases').set(refreshed).send(caseBody())).status).toBe(201)
  })

  it('gives all guests of one IP one daily budget, so a swarm of new guests cannot exceed it', async () => {
    const clock = manualClock(new Date('2026-03-05T09:00:00+08:00'))
    const { request } = testApp({ clock, env: { TRUST_PROXY: 'true', CASE_SUBMIT_GUESTS_PER_IP_DAY: '4' } })
    const world = await caseWorld(request)
    const swarm = '198.51.100.9'
    const answers: number[] = []
    for (let i = 0; i < 6; i++) {
      const guest = await guestFrom(request, swarm)
      answers.push((await request.post('/api/v1/cases').set(guest).send(caseBody())).status)
    }
    expect(answers).toEqual([201, 201, 201, 201, 429, 429])
    // Guests elsewhere, and registered residents on that IP, are not held by the swarm.
    const elsewhere = await guestFrom(request, '198.51.100.10')
    expect((await request.post('/api/v1/cases').set(elsewhere).send(caseBody())).status).toBe(201)
    const resident = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .set('X-Forwarded-For', swarm)
      .send(caseBody())
    expect(resident.status).toBe(201)
  })
})

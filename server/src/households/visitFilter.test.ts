import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'

// Generous time: these tests share two cores with five other engineers' runs.
describe('GET /visits?household=', { timeout: 120_000 }, () => {
  it('lists only the visits linked to that household', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const unit = await buildUnit({ level: 'community' })
    const auth = {
      Authorization: `Bearer ${(await loginAs(request, await buildUser({ role: 'staff', unitId: unit.id }))).accessToken}`,
    }
    const created = await request
      .post('/api/v1/households')
      .set(auth)
      .send({ address: '幸福村3组12号', headName: '王秀英' })
    expect(created.status).toBe(201)
    const householdId = created.body.id as string
    const visit = (n: number, extra: Record<string, unknown> = {}) => ({
      clientId: `hh-filter-${n}-xxxx`,
      visitedAt: '2026-03-09T09:00:00+08:00',
      household: { name: `住户${n}`, address: `幸福村${n}号` },
      purposes: ['visiting'],
      ...extra,
    })
    const synced = await request
      .post('/api/v1/visits/sync')
      .set(auth)
      .send({ visits: [visit(1, { householdId }), visit(2)] })
    expect(synced.body.results.map((result: { status: string }) => result.status)).toEqual([
      'created',
      'created',
    ])
    const filtered = await request.get(`/api/v1/visits?household=${householdId}`).set(auth)
    expect(filtered.status).toBe(200)
    expect(filtered.body.items.map((item: { clientId: string }) => item.clientId)).toEqual([
      'hh-filter-1-xxxx',
    ])
    expect(filtered.body.items[0].householdId).toBe(householdId)
    expect((await request.get('/api/v1/visits').set(auth)).body.items).toHaveLength(2)
    const bad = await request.get('/api/v1/visits?household=not-an-id').set(auth)
    expect(bad.status).toBe(400)
  })
})

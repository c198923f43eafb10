import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'

describe('GET /stats/handoffs', () => {
  it('counts transfers, returns and objections per acting unit within the period', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const submit = async () =>
      (await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())).body.id as string
    const act = (id: string, who: { auth: Record<string, string> }, body: Record<string, unknown>) =>
      request.post(`/api/v1/cases/${id}/transitions`).set(who.auth).send(body)

    const a = await submit()
    await act(a, world.cultureHandler, { action: 'transfer', unitId: world.housing.id, reason: '转住建' })
    await act(a, world.housingHandler, { action: 'return', reason: '不归我们' })
    const b = await submit()
    await act(b, world.cultureHandler, { action: 'transfer', unitId: world.housing.id, reason: '转住建' })
    const c = await submit()
    await act(c, world.cultureHandler, { action: 'object', reason: '有异议' })

    const answer = await request
      .get('/api/v1/stats/handoffs?from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z')
      .set(world.admin.auth)
    expect(answer.status).toBe(200)
    const byName = Object.fromEntries(
      answer.body.rows.map((row: { unitName: string }) => [row.unitName, row]),
    )
    expect(byName['文旅局']).toMatchObject({ transferred: 2, returned: 0, objected: 1 })
    expect(byName['住建局']).toMatchObject({ transferred: 0, returned: 1, objected: 0 })

    const before = await request
      .get('/api/v1/stats/handoffs?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z')
      .set(world.admin.auth)
    expect(before.body.rows).toEqual([])
    const backwards = await request
      .get('/api/v1/stats/handoffs?from=2026-03-03&to=2026-03-01')
      .set(world.admin.auth)
    expect(backwards.status).toBe(400)
    expect(
      (
        await request
          .get('/api/v1/stats/handoffs?from=2026-03-01&to=2026-03-03')
          .set(world.cultureHandler.auth)
      ).status,
    ).toBe(403)
  })
})

describe('period validation', () => {
  it('refuses dates that are not dates', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const garbage = await request
      .get('/api/v1/stats/handoffs?from=yesterday&to=2026-03-03')
      .set(world.admin.auth)
    expect(garbage.status).toBe(400)
    expect(garbage.body.error.issues[0].path).toBe('from')
  })
})

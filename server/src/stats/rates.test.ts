import { rollupCounters } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { recountRollups } from './rebuildRollups'
import { RollupModel } from './rollup.model'
import { mulberry32 } from '../dispatch/linearModel'

const hour = 3600_000

describe('three rates from daily rollups', () => {
  it('computes each rate per unit and category for a period, as hand-computed', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00')) // a Monday
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const submit = async () =>
      (await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())).body.id as string
    const act = (caseId: string, auth: Record<string, string>, body: object) =>
      request.post(`/api/v1/cases/${caseId}/transitions`).set(auth).send(body)
    const [a, b, c] = [await submit(), await submit(), await submit()]
    for (const id of [a, b])
      expect((await act(id, world.cultureHandler.auth, { action: 'accept' })).status).toBe(200)
    clock.advance(3 * hour) // past the 2-hour sign-for limit
    for (const session of [world.resident, world.cultureHandler, world.admin]) {
      session.auth.Authorization = `Bearer ${(await loginAs(request, session.user)).accessToken}`
    }
    expect((await act(c, world.cultureHandler.auth, { action: 'accept' })).status).toBe(200)
    expect(
      (await act(a, world.cultureHandler.auth, { action: 'resolve', message: '已恢复开放' })).status,
    ).toBe(200)
    expect(
      (await act(a, world.resident.auth, { action: 'rate', rating: 'basically_satisfied' })).status,
    ).toBe(200)

    const answer = await request
      .get('/api/v1/stats/rates?from=2026-03-01&to=2026-03-31&groupBy=unit')
      .set(world.admin.auth)
    expect(answer.status).toBe(200)
    const culture = answer.body.rows.find((row: { key: string }) => row.key === world.culture.id)
    expect(culture).toMatchObject({
      name: '文旅局',
      responseRate: 2 / 3,
      resolutionRate: 1,
      satisfactionRate: 1,
      counts: {
        received: 3,
        accepted: 3,
        acceptedOnTime: 2,
        due: 1,
        resolvedOnTime: 1,
        rated: 1,
        basicallySatisfied: 1,
      },
      // Two signed at once (bucket ≤ 1 h), one after 3 h (bucket 2–4 h): the median is 3/4 through the first.
      medianAcceptHours: 0.8,
      // Resolved 3 h after submission: the only value sits in the 2–4 h bucket, half way.
      medianResolveHours: 3,
    })
    expect(culture.counts).not.toHaveProperty('acceptH0')
    expect(answer.body.definitions.responseRate).toContain('响应率')
    expect(answer.body.definitions.medianAcceptHours).toContain('中位数')
    const byCategory = await request
      .get('/api/v1/stats/rates?from=2026-03-01&to=2026-03-31&groupBy=category')
      .set(world.admin.auth)
    expect(byCategory.body.rows).toEqual([
      expect.objectContaining({ key: 'culture', name: '文化服务', responseRate: 2 / 3 }),
    ])
    const empty = await request.get('/api/v1/stats/rates?from=2026-01-01&to=2026-01-31').set(world.admin.auth)
    expect(empty.body.rows).toEqual([])
    const backwards = await request
      .get('/api/v1/stats/rates?from=2026-03-31&to=2026-03-01')
      .set(world.admin.auth)
    expect(backwards.status).toBe(400)
    expect(
      (await request.get('/api/v1/stats/rates?from=2026-03-01&to=2026-03-31').set(world.resident.auth))
        .status,
    ).toBe(403)

    const ranked = await request
      .get('/api/v1/stats/ranking?from=2026-03-01&to=2026-03-31&minCases=3') // three cases, all windows closed
      .set(world.admin.auth)
    expect(ranked.body.rows[0]).toMatchObject({ rank: 1, key: world.culture.id, score: 90 })
  })

  it('keeps rollups equal to a full recount from the events after a random sequence of actions', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    // Seeded: the same sequence every run.
    const random = mulberry32(20261123)
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
    const ids: string[] = []
    for (let i = 0; i < 12; i++) {
      const body = caseBody(
        i % 3 === 0
          ? { categoryCode: 'housing', title: '物业不管', description: '小区物业长期不处理问题' }
          : {},
      )
      ids.push((await request.post('/api/v1/cases').set(world.resident.auth).send(body)).body.id)
    }
    const handlers = [world.cultureHandler, world.housingHandler]
    const moves = [
      () => ({ auths: handlers.map((handler) => handler.auth), body: { action: 'accept' } }),
      () => ({
        auths: handlers.map((handler) => handler.auth),
        body: { action: 'resolve', message: '已处理完毕' },
      }),
      () => ({
        auths: handlers.map((handler) => handler.auth),
        body: { action: 'transfer', unitId: pick([world.culture.id, world.housing.id]), reason: '职责调整' },
      }),
      () => ({
        auths: handlers.map((handler) => handler.auth),
        body: { action: 'return', reason: '非本单位职责' },
      }),
      () => ({
        auths: [world.admin.auth],
        body: { action: 'dispatch', unitId: pick([world.culture.id, world.housing.id]) },
      }),
      () => ({
        auths: [world.resident.auth],
        body: { action: 'rate', rating: pick(['satisfied', 'basically_satisfied', 'unsatisfied']) },
      }),
      () => ({
        auths: [world.districtLeader.auth],
        body: { action: 'reopen', reason: '群众反映未解决' },
      }),
    ]
    let applied = 0
    for (let step = 0; step < 160; step++) {
      const id = pick(ids)
      const move = pick(moves)()
      // Whichever unit holds the case acts (the other handler is refused).
      for (const auth of move.auths) {
        const answer = await request.post(`/api/v1/cases/${id}/transitions`).set(auth).send(move.body)
        expect(answer.status).toBeLessThan(500)
        if (answer.status === 200) applied++
        if (answer.status !== 403 && answer.status !== 404) break
      }
      // Seconds apart (tokens live 15 minutes); every 40th step a jump of up to 30 hours across days
      // and deadlines, after which everyone logs in again (logins are slow on purpose: scrypt).
      clock.advance(step % 40 === 39 ? Math.floor(random() * 30) * hour : Math.floor(random() * 20) * 1000)
      if (step % 40 === 39) {
        // Tokens live 15 minutes: log everyone in again.
        for (const session of [
          world.resident,
          world.cultureHandler,
          world.housingHandler,
          world.admin,
          world.districtLeader,
        ]) {
          const renewed = await loginAs(request, session.user)
          session.auth.Authorization = `Bearer ${renewed.accessToken}`
        }
      }
    }
    expect(applied).toBeGreaterThanOrEqual(15)
    const live = await RollupModel.find().lean()
    const recount = await recountRollups()
    expect(live.length).toBe(recount.size)
    for (const row of live) {
      const expected = recount.get(row._id)!
      for (const name of rollupCounters)
        expect([row._id, name, (row as unknown as Record<string, number>)[name] ?? 0]).toEqual([
          row._id,
          name,
          expected[name],
        ])
    }
    const totals = [...recount.values()].reduce((sum, row) => sum + row.received, 0)
    expect(totals).toBeGreaterThan(12)
  }, 400_000)
})

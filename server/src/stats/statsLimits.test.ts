import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { FollowUpModel } from '../followUp/followUp.model'
import { addToRollupCache, sumRollups } from './rollupCache'
import { maxPeriodDays } from './period'

type World = Awaited<ReturnType<typeof caseWorld>>

describe('statistics of a leader stay inside their subtree', () => {
  it('GET /stats/handoffs and /stats/follow-ups show a district leader their own district only', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const transferOne = async (world: World) => {
      const id = (await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())).body
        .id as string
      const moved = await request
        .post(`/api/v1/cases/${id}/transitions`)
        .set(world.cultureHandler.auth)
        .send({ action: 'transfer', unitId: world.housing.id, reason: '转住建' })
      expect(moved.status).toBe(200)
      return id
    }
    const east = await caseWorld(request)
    const eastCase = await transferOne(east)
    const west = await caseWorld(request)
    const westCase = await transferOne(west)
    const sampledAt = new Date('2026-03-02T10:00:00+08:00')
    await FollowUpModel.create([
      { caseId: eastCase, residentId: east.resident.user.id, unitId: east.culture.id, sampledAt },
      { caseId: westCase, residentId: west.resident.user.id, unitId: west.culture.id, sampledAt },
      {
        caseId: new Types.ObjectId(),
        residentId: west.resident.user.id,
        unitId: west.culture.id,
        sampledAt,
        answer: { solved: true, comment: '', at: sampledAt },
      },
    ])
    const period = 'from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z'

    const eastHandoffs = await request.get(`/api/v1/stats/handoffs?${period}`).set(east.districtLeader.auth)
    expect(eastHandoffs.status).toBe(200)
    expect(eastHandoffs.body.rows.map((row: { unitId: string }) => row.unitId)).toEqual([east.culture.id])
    const westFollowUps = await request
      .get(`/api/v1/stats/follow-ups?${period}`)
      .set(west.districtLeader.auth)
    expect(westFollowUps.status).toBe(200)
    expect(westFollowUps.body).toMatchObject({ sampled: 2, answered: 1, solved: 1 })
    const eastFollowUps = await request
      .get(`/api/v1/stats/follow-ups?${period}`)
      .set(east.districtLeader.auth)
    expect(eastFollowUps.body).toMatchObject({ sampled: 1, answered: 0, followUpRate: null })
    const eastBrief = await request
      .get('/api/v1/stats/brief?from=2026-03-01&to=2026-03-03')
      .set(east.districtLeader.auth)
    expect(eastBrief.body.followUp).toMatchObject({ sampled: 1, answered: 0 })

    // An admin sees both districts.
    const all = await request.get(`/api/v1/stats/handoffs?${period}`).set(west.admin.auth)
    expect(all.body.rows.map((row: { unitId: string }) => row.unitId).sort()).toEqual(
      [east.culture.id, west.culture.id].sort(),
    )
    expect((await request.get(`/api/v1/stats/follow-ups?${period}`).set(west.admin.auth)).body.sampled).toBe(
      3,
    )
  })
})

describe('statistics periods are capped', () => {
  it(`answers 400 STATS_PERIOD_TOO_LONG beyond ${maxPeriodDays} days and serves ${maxPeriodDays}`, async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const ask = (path: string) => request.get(`/api/v1/stats/${path}`).set(world.admin.auth)
    // 2025-01-01 … 2026-02-04 is 400 days, both included; one more day is too long.
    for (const path of ['rates', 'ranking', 'visits', 'brief']) {
      expect((await ask(`${path}?from=2025-01-01&to=2026-02-04`)).status).toBe(200)
      const tooLong = await ask(`${path}?from=2025-01-01&to=2026-02-05`)
      expect(tooLong.status).toBe(400)
      expect(tooLong.body.error).toMatchObject({
        code: 'STATS_PERIOD_TOO_LONG',
        details: { maxDays: maxPeriodDays, days: maxPeriodDays + 1 },
      })
      expect(tooLong.body.error.message).toContain('400天')
    }
    for (const path of ['handoffs', 'follow-ups']) {
      expect((await ask(`${path}?from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:00Z`)).status).toBe(200)
      const tooLong = await ask(`${path}?from=2000-01-01T00:00:00Z&to=2026-02-05T00:00:00Z`)
      expect(tooLong.status).toBe(400)
      expect(tooLong.body.error.code).toBe('STATS_PERIOD_TOO_LONG')
    }
  })

  it('a concurrent /healthz is answered while the longest period is summed', async () => {
    const { request } = testApp()
    await sumRollups(0, '2026-01-01', '2026-01-01', () => null) // loads the cache
    // 400 days × 300 rows held in memory: ~10^7 additions for one request.
    const days = Array.from({ length: maxPeriodDays }, (_, index) =>
      new Date(Date.parse('2025-01-01T00:00:00Z') + index * 86_400_000).toISOString().slice(0, 10),
    )
    addToRollupCache(
      days.flatMap((day) =>
        Array.from({ length: 300 }, (_, row) => ({
          day,
          unitId: `unit-${row}`,
          categoryCode: 'culture.library',
          counts: { received: 1 },
        })),
      ),
    )
    const finished: string[] = []
    let health: Promise<unknown> | undefined
    const sum = sumRollups(60_000, days[0]!, days.at(-1)!, (unitId) => {
      // Asked as soon as summing has begun: with no turn for other work, it could only be
      // answered after the sum.
      health ??= request.get('/healthz').then((answer) => {
        expect(answer.status).toBe(200)
        finished.push('healthz')
      })
      return unitId
    }).then((totals) => {
      finished.push('stats')
      return totals
    })
    const totals = await sum
    await health
    expect(totals.get('unit-7')?.[0]).toBeGreaterThan(0)
    expect(finished).toEqual(['healthz', 'stats'])
  })
})

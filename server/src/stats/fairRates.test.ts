import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'

const cst = (text: string) => new Date(`${text}+08:00`)

describe('rates over closed windows, pending apart, ranking with a minimum sample', () => {
  it('文旅局 with 7 of 8 cases unsigned but still in time is not ranked low: they are pending', async () => {
    const clock = manualClock(cst('2026-03-02T09:00:00')) // Monday
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const ids: string[] = []
    for (let index = 0; index < 8; index++)
      ids.push((await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())).body.id)
    clock.set(cst('2026-03-02T09:05:00'))
    const accepted = await request
      .post(`/api/v1/cases/${ids[0]}/transitions`)
      .set(world.cultureHandler.auth)
      .send({ action: 'accept' })
    expect(accepted.status).toBe(200)

    clock.set(cst('2026-03-02T09:10:00')) // the other seven are due at 11:00
    const rates = await request.get('/api/v1/stats/rates?from=2026-03-01&to=2026-03-31').set(world.admin.auth)
    const culture = rates.body.rows.find((row: { key: string }) => row.key === world.culture.id)
    expect(culture).toMatchObject({
      responseRate: 1,
      signForRate: 1,
      counts: { received: 8, signForDue: 1, acceptedOnTime: 1 },
      pending: { signForPending: 7, answerPending: 1, ratingPending: 0, openOverdue: 0 },
    })
    expect(rates.body.definitions.pending).toContain('单独列出')

    const ranking = await request
      .get('/api/v1/stats/ranking?from=2026-03-01&to=2026-03-31')
      .set(world.admin.auth)
    expect(ranking.body.rows).toEqual([])
    expect(ranking.body.unranked).toEqual([
      expect.objectContaining({ key: world.culture.id, sample: 1, note: '样本不足，不参与排名' }),
    ])
    expect(ranking.body.minCasesNote).toContain('少于 5 件')
    const lenient = await request
      .get('/api/v1/stats/ranking?from=2026-03-01&to=2026-03-31&minCases=1')
      .set(world.admin.auth)
    expect(lenient.body.rows).toEqual([expect.objectContaining({ rank: 1, key: world.culture.id })])
  })
})

import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { inSample, sampleFollowUps } from './followUps'

describe('follow-up (回头看)', () => {
  it('samples cases closed weeks ago; "not solved" reopens the case for supervision; the rate counts answers', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request, deps } = testApp({ clock, env: { FOLLOW_UP_SHARE: '1', FOLLOW_UP_AFTER_DAYS: '28' } })
    const world = await caseWorld(request)
    const close = async () => {
      const id = (await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())).body
        .id as string
      const act = (auth: Record<string, string>, body: object) =>
        request.post(`/api/v1/cases/${id}/transitions`).set(auth).send(body)
      await act(world.cultureHandler.auth, { action: 'accept' })
      await act(world.cultureHandler.auth, { action: 'resolve', message: '书屋已恢复开放' })
      expect((await act(world.resident.auth, { action: 'rate', rating: 'satisfied' })).body.status).toBe(
        'closed',
      )
      return id
    }
    const [first, second] = [await close(), await close()]
    clock.set(new Date('2026-03-20T09:00:00+08:00'))
    expect(await sampleFollowUps(deps)).toEqual({ sampled: 0 }) // too early
    clock.set(new Date('2026-03-31T09:00:00+08:00'))
    expect(await sampleFollowUps(deps)).toEqual({ sampled: 2 })
    expect(await sampleFollowUps(deps)).toEqual({ sampled: 0 }) // once per case

    const resident = { Authorization: `Bearer ${(await loginAs(request, world.resident.user)).accessToken}` }
    const other = {
      Authorization: `Bearer ${(await loginAs(request, world.otherResident.user)).accessToken}`,
    }
    expect((await request.get('/api/v1/follow-ups').set(resident)).body.items).toHaveLength(2)
    const answer = (auth: Record<string, string>, id: string, body: object) =>
      request.post(`/api/v1/follow-ups/${id}/answer`).set(auth).send(body)
    expect((await answer(other, first, { solved: false })).status).toBe(404)
    expect((await answer(resident, first, { solved: false, comment: '书屋又关了' })).body).toEqual({
      reopened: true,
    })
    expect((await answer(resident, first, { solved: true })).status).toBe(409)
    const reopened = (await CaseModel.findById(first))!
    expect(reopened).toMatchObject({ status: 'reopened', supervisionFlag: true })
    expect((await answer(resident, second, { solved: true })).body).toEqual({ reopened: false })
    expect((await CaseModel.findById(second))!.status).toBe('closed')

    const admin = { Authorization: `Bearer ${(await loginAs(request, world.admin.user)).accessToken}` }
    const figures = await request
      .get('/api/v1/stats/follow-ups?from=2026-03-01T00:00:00%2B08:00&to=2026-04-30T00:00:00%2B08:00')
      .set(admin)
    expect(figures.body).toMatchObject({ sampled: 2, answered: 2, solved: 1, followUpRate: 0.5 })
  })

  it('draws the same cases on every run and instance, at about the configured share', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => i.toString(16).padStart(24, '0'))
    const drawn = ids.filter((id) => inSample(id, 0.2)).length
    expect(drawn / ids.length).toBeGreaterThan(0.17)
    expect(drawn / ids.length).toBeLessThan(0.23)
    expect(ids.filter((id) => inSample(id, 0.2))).toEqual(ids.filter((id) => inSample(id, 0.2)))
  })
})

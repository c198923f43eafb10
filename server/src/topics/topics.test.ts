import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'

describe('public topics (问计于民)', () => {
  it('residents suggest and support once each; reports hide; an adopted suggestion becomes one routed case', async () => {
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const topic = await request.post('/api/v1/topics').set(world.admin.auth).send({
      kind: 'ideas',
      title: '农家书屋怎么办好',
      question: '您希望农家书屋增加哪些服务？',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
    })
    expect(topic.status).toBe(201)
    expect(topic.body).toMatchObject({ kindLabel: '问计于民', open: true })
    expect((await request.post('/api/v1/topics').set(world.resident.auth).send({})).status).toBe(403)

    const posted = await request
      .post(`/api/v1/topics/${topic.body.id}/suggestions`)
      .set(world.resident.auth)
      .send({ text: '希望书屋周末开放，并增加儿童绘本' })
    expect(posted.status).toBe(201)
    const id = posted.body.id as string
    const third = {
      Authorization: `Bearer ${(await loginAs(request, await buildUser({ role: 'resident' }))).accessToken}`,
    }
    const support = (auth: Record<string, string>) =>
      request.post(`/api/v1/suggestions/${id}/support`).set(auth)
    expect((await support(world.otherResident.auth)).body).toEqual({ supports: 1 })
    expect((await support(world.otherResident.auth)).status).toBe(409)
    expect((await support(third)).body).toEqual({ supports: 2 })
    const listed = await request.get(`/api/v1/topics/${topic.body.id}/suggestions`) // public
    expect(listed.body.items[0]).toMatchObject({ id, supports: 2, author: expect.stringContaining('*') })

    const adopted = await request
      .post(`/api/v1/suggestions/${id}/adopt`)
      .set(world.admin.auth)
      .send({ categoryCode: 'culture.library', title: '书屋周末开放' })
    expect(adopted.status).toBe(200)
    expect(adopted.body.unitId).toBe(world.culture.id) // routed by the culture rule
    const again = await request
      .post(`/api/v1/suggestions/${id}/adopt`)
      .set(world.admin.auth)
      .send({ categoryCode: 'culture.library', title: '书屋周末开放' })
    expect(again.body.caseId).toBe(adopted.body.caseId)
    expect(await CaseModel.countDocuments({ source: 'topic', originId: id })).toBe(1)

    const spam = await request
      .post(`/api/v1/topics/${topic.body.id}/suggestions`)
      .set(third)
      .send({ text: '加微信领红包，加微信领红包' })
    for (const auth of [world.resident.auth, world.otherResident.auth, third])
      await request.post(`/api/v1/suggestions/${spam.body.id}/reports`).set(auth).send({ reason: 'spam' })
    const visible = await request.get(`/api/v1/topics/${topic.body.id}/suggestions`)
    expect(visible.body.items.map((item: { id: string }) => item.id)).toEqual([id])
    // The moderator's queue shows it (hidden, with its reasons) until a decision takes it off.
    const queue = await request.get('/api/v1/suggestions/moderation').set(world.admin.auth)
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        id: spam.body.id,
        reports: 3,
        hidden: true,
        reasons: ['spam', 'spam', 'spam'],
      }),
    ])
    expect((await request.get('/api/v1/suggestions/moderation').set(world.resident.auth)).status).toBe(403)
    await request
      .post(`/api/v1/suggestions/${spam.body.id}/moderation`)
      .set(world.admin.auth)
      .send({ decision: 'hide', note: '广告' })
    expect((await request.get('/api/v1/suggestions/moderation').set(world.admin.auth)).body.items).toEqual([])

    clock.set(new Date('2026-04-02T09:00:00+08:00'))
    const late = await request
      .post(`/api/v1/topics/${topic.body.id}/suggestions`)
      .set({ Authorization: `Bearer ${(await loginAs(request, world.resident.user)).accessToken}` })
      .send({ text: '截止以后的建议不应被接受' })
    expect(late.status).toBe(409)
  })
})

import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'

async function topicWorld() {
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
  const posted = await request
    .post(`/api/v1/topics/${topic.body.id}/suggestions`)
    .set(world.resident.auth)
    .send({ text: '我是李建国，住3号楼2单元501，电话139 1234 5678，希望书屋周末开放' })
  expect(posted.status).toBe(201)
  return { request, world, topicId: topic.body.id as string, id: posted.body.id as string }
}

describe('public topic suggestions and reactions', () => {
  it('publishes suggestions stripped of personal data', async () => {
    const { request, topicId } = await topicWorld()
    const listed = await request.get(`/api/v1/topics/${topicId}/suggestions`)
    expect(listed.body.items[0].text).toBe('我是[姓名]，住[地址]，电话[手机号]，希望书屋周末开放')
  })

  it('counts supports and reports from verified residents only: guests get 403 VERIFIED_RESIDENT_REQUIRED', async () => {
    const { request, world, topicId, id } = await topicWorld()

    const guest = async () => {
      const login = await request.post('/api/v1/auth/guest').send({ deviceId: `dev_${randomUUID()}` })
      return { Authorization: `Bearer ${login.body.accessToken as string}` }
    }
    for (let i = 0; i < 3; i += 1) {
      const auth = await guest()
      const support = await request.post(`/api/v1/suggestions/${id}/support`).set(auth)
      expect(support.status).toBe(403)
      expect(support.body.error.code).toBe('VERIFIED_RESIDENT_REQUIRED')
      const report = await request
        .post(`/api/v1/suggestions/${id}/reports`)
        .set(auth)
        .send({ reason: 'spam' })
      expect(report.status).toBe(403)
      expect(report.body.error.code).toBe('VERIFIED_RESIDENT_REQUIRED')
    }
    const after = await request.get(`/api/v1/topics/${topicId}/suggestions`)
    expect(after.body.items).toEqual([expect.objectContaining({ id, supports: 0 })]) // still shown, no supports
    expect(
      (await request.post(`/api/v1/suggestions/${id}/support`).set(world.otherResident.auth)).body,
    ).toEqual({
      supports: 1,
    })
  }, 90_000)
})

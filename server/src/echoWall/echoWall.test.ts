import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { ModerationLogModel } from '../moderation/moderation'

describe('echo wall (回音壁)', () => {
  it('shows consenting resolved cases with the public reply and no personal data; public and searchable; hidden after 3 reports until a moderator decides', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const file = async (overrides: Record<string, unknown>) => {
      const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody(overrides))
      const act = (body: object) =>
        request
          .post(`/api/v1/cases/${submitted.body.id}/transitions`)
          .set(world.cultureHandler.auth)
          .send(body)
      await act({ action: 'accept' })
      await act({ action: 'resolve', message: '已联系13712345678的家属，书屋恢复开放' })
      return submitted.body.id as string
    }
    const shown = await file({
      publicConsent: true,
      description: '我是张三，电话13712345678，住幸福村3组12号，书屋两个月没开门',
    })
    await file({ publicConsent: false, title: '不公开的诉求' })
    const wall = await request.get('/api/v1/echo-wall') // no login
    expect(wall.status).toBe(200)
    expect(wall.body.items).toHaveLength(1)
    const item = wall.body.items[0]
    expect(item).toMatchObject({ id: shown, unitName: '文旅局', categoryName: '农家书屋' })
    expect(item.reply).toContain('书屋恢复开放')
    const text = JSON.stringify(item)
    expect(text).not.toContain('13712345678')
    expect(text).not.toContain('12号')
    expect(text).not.toContain('contactPhone')
    expect((await request.get('/api/v1/echo-wall?q=书屋').set({})).body.items).toHaveLength(1)
    expect((await request.get('/api/v1/echo-wall?q=路灯')).body.items).toHaveLength(0)
    expect((await request.get('/api/v1/echo-wall?q=(.*')).status).toBe(200) // regex characters are text

    const reporters = [
      world.resident,
      world.otherResident,
      {
        auth: {
          Authorization: `Bearer ${(await loginAs(request, await buildUser({ role: 'resident' }))).accessToken}`,
        },
      },
    ]
    const report = (auth: Record<string, string>) =>
      request.post(`/api/v1/echo-wall/${shown}/reports`).set(auth).send({ reason: 'offensive' })
    expect((await report(reporters[0]!.auth)).body).toEqual({ reports: 1, hidden: false })
    expect((await report(reporters[0]!.auth)).status).toBe(409) // once per resident
    await report(reporters[1]!.auth)
    expect((await report(reporters[2]!.auth)).body).toEqual({ reports: 3, hidden: true })
    expect((await request.get('/api/v1/echo-wall')).body.items).toHaveLength(0)

    const queue = await request.get('/api/v1/echo-wall/moderation').set(world.admin.auth)
    expect(queue.body.items).toEqual([
      {
        caseId: shown,
        number: expect.stringMatching(/^MQ/),
        title: expect.any(String),
        reports: 3,
        hidden: true,
        reasons: ['offensive', 'offensive', 'offensive'],
      },
    ])
    const decided = await request
      .post(`/api/v1/echo-wall/${shown}/moderation`)
      .set(world.admin.auth)
      .send({ decision: 'show', note: '内容属实，无不当言论' })
    expect(decided.status).toBe(200)
    expect((await request.get('/api/v1/echo-wall')).body.items).toHaveLength(1)
    expect(await ModerationLogModel.countDocuments({ caseId: shown })).toBe(1)
    expect(
      (
        await request
          .post(`/api/v1/echo-wall/${shown}/moderation`)
          .set(world.resident.auth)
          .send({ decision: 'hide' })
      ).status,
    ).toBe(403)
  })
})

import { defaultReplyTemplates } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { ReplyTemplateModel } from './replyTemplate.model'
import { ensureDefaultReplyTemplates } from './seedReplyTemplates'
import { applicableTemplates } from './templatesForCase'

describe('reply templates (答复模板)', { timeout: 60_000 }, () => {
  it('are managed by admins only, and an unknown placeholder is refused on save with 400 naming it', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const created = await request.post('/api/v1/reply-templates').set(world.admin.auth).send({
      categoryCode: 'culture',
      action: 'reply',
      title: '已受理',
      body: '{案件编号}已由{责任单位}受理',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ categoryCode: 'culture', action: 'reply', enabled: true })

    const unknown = await request
      .post('/api/v1/reply-templates')
      .set(world.admin.auth)
      .send({ action: 'reply', title: '错误', body: '{责任部门}已受理，{姓名}您好' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED')
    expect(unknown.body.error.issues[0].path).toBe('body')
    expect(unknown.body.error.issues[0].message).toContain('{责任部门}、{姓名}')

    const badPatch = await request
      .patch(`/api/v1/reply-templates/${created.body.id}`)
      .set(world.admin.auth)
      .send({ body: '{办理期限}前答复' })
    expect(badPatch.status).toBe(400)
    const patched = await request
      .patch(`/api/v1/reply-templates/${created.body.id}`)
      .set(world.admin.auth)
      .send({ enabled: false })
    expect(patched.body.enabled).toBe(false)

    const byHandler = await request
      .post('/api/v1/reply-templates')
      .set(world.cultureHandler.auth)
      .send({ action: 'reply', title: 'x', body: 'x' })
    expect(byHandler.status).toBe(403)

    expect(
      (await request.delete(`/api/v1/reply-templates/${created.body.id}`).set(world.admin.auth)).status,
    ).toBe(200)
    expect(
      (await request.delete(`/api/v1/reply-templates/${created.body.id}`).set(world.admin.auth)).status,
    ).toBe(404)
  })

  it('are offered to the handler filled for the case, the closest category first, the resident only as 称呼', async () => {
    const clock = manualClock(new Date('2026-03-10T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(submitted.status).toBe(201)
    const tag = `t${Date.now()}`
    const add = (categoryCode: string | null, body: string) =>
      request
        .post('/api/v1/reply-templates')
        .set(world.admin.auth)
        .send({ categoryCode, action: 'return', title: `${tag}-${categoryCode ?? 'all'}`, body })
    await add(null, '通用：{案件编号}')
    await add('culture', '{分类}由{责任单位}办理，{办理时限}前答复')
    await add('culture.library', '{反映人称呼}，书屋问题{案件编号}签收时限{签收时限}')
    await add('utility', '不适用')

    const offered = await request
      .get(`/api/v1/cases/${submitted.body.id}/reply-templates?action=return`)
      .set(world.cultureHandler.auth)
    expect(offered.status).toBe(200)
    const mine = offered.body.items.filter((item: { title: string }) => item.title.startsWith(tag))
    expect(mine.map((item: { title: string }) => item.title)).toEqual([
      `${tag}-culture.library`,
      `${tag}-culture`,
      `${tag}-all`,
    ])
    expect(mine[0].text).toBe(`测先生/女士，书屋问题${submitted.body.number}签收时限3月10日 11:00`)
    expect(mine[1].text).toMatch(/^农家书屋由文旅局办理，\d+月\d+日 \d\d:\d\d前答复$/)
    expect(JSON.stringify(offered.body)).not.toContain('测试用户')

    // Someone who may not read the case learns nothing of it.
    const stranger = await request
      .get(`/api/v1/cases/${submitted.body.id}/reply-templates?action=return`)
      .set(world.housingHandler.auth)
    expect(stranger.status).toBe(404)
    const badAction = await request
      .get(`/api/v1/cases/${submitted.body.id}/reply-templates?action=fly`)
      .set(world.cultureHandler.auth)
    expect(badAction.status).toBe(400)
  })

  it('ships a default set for the default category tree, seeded once per database', async () => {
    await ensureDefaultReplyTemplates()
    await ensureDefaultReplyTemplates()
    const seeded = await ReplyTemplateModel.find({ seedKey: { $ne: null } })
    expect(seeded.map((row) => row.seedKey).sort()).toEqual(
      defaultReplyTemplates.map((row) => row.key).sort(),
    )
  })
  it("offer a case only its own district's templates; a new district gets its own copies", async () => {
    const hedong = '0000000000000000000000a2'
    await ReplyTemplateModel.create([
      { action: 'reply', categoryCode: 'culture', title: '和平区用语', body: '和平区已受理' },
      {
        action: 'reply',
        categoryCode: 'culture',
        title: '河东区用语',
        body: '河东区已受理',
        tenantId: hedong,
      },
    ])
    const titles = async (tenantId: string | null) =>
      (await applicableTemplates({ categoryCode: 'culture.library', tenantId }, 'reply')).map(
        (row) => row.title,
      )
    expect(await titles(null)).toContain('和平区用语')
    expect(await titles(null)).not.toContain('河东区用语')
    expect(await titles(hedong)).toContain('河东区用语')
    expect(await titles(hedong)).not.toContain('和平区用语')
    await ensureDefaultReplyTemplates(new Date(), hedong)
    await ensureDefaultReplyTemplates(new Date(), hedong)
    expect(await ReplyTemplateModel.countDocuments({ tenantId: hedong, seedKey: { $ne: null } })).toBe(
      defaultReplyTemplates.length,
    )
  })
})

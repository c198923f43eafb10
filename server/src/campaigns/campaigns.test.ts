import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { VisitModel } from '../visits/visit.model'

type Request = ReturnType<typeof testApp>['request']

async function session(request: Request, props: Parameters<typeof buildUser>[0]) {
  const user = await buildUser(props)
  const tokens = await loginAs(request, user)
  return { user, auth: { Authorization: `Bearer ${tokens.accessToken}` } }
}

let serial = 0
const visit = (campaignId: string, overrides: Record<string, unknown> = {}) => ({
  clientId: `campaign-visit-${++serial}-xx`,
  campaignId,
  visitedAt: '2026-03-02T09:00:00+08:00',
  household: { name: '王大爷', address: '幸福村3组12号', tags: ['needy'] },
  purposes: ['visiting'],
  notes: '老人独居，身体尚可',
  ...overrides,
})

async function campaignWorld() {
  const clock = manualClock(new Date('2026-03-10T12:00:00+08:00'))
  const { request } = testApp({ clock })
  const world = await caseWorld(request)
  const community = await buildUnit({ level: 'community', parentId: world.street.id, name: '幸福社区' })
  const cadre = await session(request, {
    role: 'staff',
    unitId: community.id,
    positionLevel: 'cadre',
    name: '网格员小张',
  })
  const streetLeader = await session(request, { role: 'leader', unitId: world.street.id, name: '街道李书记' })
  const outsider = await session(request, { role: 'staff', unitId: world.culture.id })
  const created = await request
    .post('/api/v1/campaigns')
    .set(world.admin.auth)
    .send({
      name: '2026上半年大走访',
      startsOn: '2026-03-01',
      endsOn: '2026-08-31',
      unitIds: [world.street.id],
    })
  expect(created.status).toBe(201)
  return {
    clock,
    request,
    world,
    community,
    cadre,
    streetLeader,
    outsider,
    campaignId: created.body.id as string,
  }
}

const sync = (request: Request, auth: Record<string, string>, visits: unknown[]) =>
  request.post('/api/v1/visits/sync').set(auth).send({ visits })

describe('campaigns', () => {
  it('only admins create campaigns; defaults give the quotas of the issue; bad periods are refused', async () => {
    const { request, world, cadre } = await campaignWorld()
    const denied = await request
      .post('/api/v1/campaigns')
      .set(cadre.auth)
      .send({ name: '走访', startsOn: '2026-03-01', endsOn: '2026-08-31', unitIds: [world.street.id] })
    expect(denied.status).toBe(403)
    const backwards = await request
      .post('/api/v1/campaigns')
      .set(world.admin.auth)
      .send({ name: '走访', startsOn: '2026-09-01', endsOn: '2026-08-31', unitIds: [world.street.id] })
    expect(backwards.status).toBe(400)
    expect(backwards.body.error.issues[0].path).toBe('endsOn')
    const listed = await request.get('/api/v1/campaigns').set(cadre.auth)
    expect(listed.body.items).toHaveLength(1)
    expect(listed.body.items[0].quotas).toMatchObject({
      bureauLeader: { households: 40 },
      unitLeader: { households: 20 },
      cadre: { households: 15 },
    })
  })

  it('refuses visits into another unit’s campaign and outside its period, per item', async () => {
    const { request, cadre, outsider, campaignId } = await campaignWorld()
    const foreign = await sync(request, outsider.auth, [visit(campaignId)])
    expect(foreign.body.results[0]).toMatchObject({ status: 'error', error: { code: 'FORBIDDEN' } })
    const early = await sync(request, cadre.auth, [
      visit(campaignId, { visitedAt: '2026-02-28T16:00:00+08:00' }),
      visit(campaignId),
      visit('0123456789abcdef01234567'),
    ])
    expect(early.body.results.map((result: { status: string }) => result.status)).toEqual([
      'error',
      'created',
      'error',
    ])
    expect(early.body.results[0].error).toMatchObject({ code: 'INVALID_DATE' })
    expect(early.body.results[0].error.message).toContain('活动开始')
    expect(early.body.results[2].error.code).toBe('NOT_FOUND')
    expect(await VisitModel.countDocuments({ createdBy: outsider.user._id })).toBe(0)
    expect((await request.get(`/api/v1/campaigns/${campaignId}/progress`).set(outsider.auth)).status).toBe(
      404,
    )
  })

  it('counts households, field days and resolved problems against quota, for self, companions and the unit leader', async () => {
    const { request, world, cadre, streetLeader, campaignId } = await campaignWorld()
    const problem = {
      categoryCode: 'culture.library',
      title: '农家书屋不开门',
      description: '村里的农家书屋两个月没开门，群众希望恢复开放',
    }
    const batch = [
      visit(campaignId, { companions: [String(streetLeader.user._id)], problems: [problem] }),
      visit(campaignId, {
        visitedAt: '2026-03-03T10:00:00+08:00',
        household: { name: ' 王 大爷', address: '幸福村3组12号' },
      }),
      visit(campaignId, {
        visitedAt: '2026-03-03T15:00:00+08:00',
        household: { name: '李婶', address: '幸福村4组2号' },
      }),
    ]
    const first = await sync(request, cadre.auth, batch)
    expect(first.body.results.map((result: { status: string }) => result.status)).toEqual([
      'created',
      'created',
      'created',
    ])
    // The problem became a routed case, linked to the visit, and a resent batch does not file it again.
    await sync(request, cadre.auth, batch)
    const cases = await CaseModel.find({ originId: first.body.results[0].id })
    expect(cases).toHaveLength(1)
    expect(cases[0]).toMatchObject({ source: 'visit', status: 'dispatched' })
    expect(String(cases[0]!.unitId)).toBe(world.culture.id)
    const detail = await request.get(`/api/v1/visits/${first.body.results[0].id}`).set(cadre.auth)
    expect(detail.body.problems[0].case).toMatchObject({
      id: String(cases[0]!._id),
      unitId: world.culture.id,
    })
    expect(detail.body.revisions).toHaveLength(1)
    const companionView = await request
      .get(`/api/v1/visits/${first.body.results[0].id}`)
      .set(streetLeader.auth)
    expect(companionView.status).toBe(200)
    const stranger = await request
      .get(`/api/v1/visits/${first.body.results[0].id}`)
      .set(world.cultureHandler.auth)
    expect(stranger.status).toBe(403) // handlers have no visit pages at all

    const mine = await request.get(`/api/v1/campaigns/${campaignId}/progress`).set(cadre.auth)
    expect(mine.status).toBe(200)
    expect(mine.body.rows).toHaveLength(1)
    expect(mine.body.rows[0]).toMatchObject({
      positionLevel: 'cadre',
      households: { done: 2, quota: 15 },
      researchDays: { done: 2, quota: 15 }, // 其他干部调研不少于半个月 (seed 004)
      problemsResolved: { done: 0, quota: 0 },
      behind: false,
    })

    const caseId = String(cases[0]!._id)
    const act = (body: Record<string, unknown>) =>
      request.post(`/api/v1/cases/${caseId}/transitions`).set(world.cultureHandler.auth).send(body)
    expect((await act({ action: 'accept' })).status).toBe(200)
    expect((await act({ action: 'resolve', message: '书屋已恢复每周开放' })).status).toBe(200)
    const after = await request.get(`/api/v1/campaigns/${campaignId}/progress`).set(cadre.auth)
    expect(after.body.rows[0].problemsResolved.done).toBe(1)

    const unit = await request.get(`/api/v1/campaigns/${campaignId}/progress`).set(streetLeader.auth)
    const byName = Object.fromEntries(
      unit.body.rows.map((row: { name: string }) => [row.name, row]),
    ) as Record<string, { households: { done: number; quota: number }; positionLevel: string }>
    expect(Object.keys(byName).sort()).toEqual([cadre.user.name, streetLeader.user.name].sort())
    expect(byName[streetLeader.user.name]).toMatchObject({
      positionLevel: 'unitLeader',
      households: { done: 1, quota: 20 },
    })
  })

  it('marks members behind as the period runs out', async () => {
    const { request, clock, cadre, campaignId } = await campaignWorld()
    await sync(request, cadre.auth, [visit(campaignId)])
    clock.set(new Date('2026-07-20T12:00:00+08:00'))
    const renewed = await loginAs(request, cadre.user) // the March token has long expired
    const late = await request
      .get(`/api/v1/campaigns/${campaignId}/progress`)
      .set({ Authorization: `Bearer ${renewed.accessToken}` })
    expect(late.body.elapsedShare).toBeGreaterThan(0.7)
    expect(late.body.rows[0].behind).toBe(true)
  })

  it('包案: a leader owns a case and the campaign shows the share followed up in person', async () => {
    const { request, world } = await campaignWorld()
    const leader = world.districtLeader
    const campaign = await request
      .post('/api/v1/campaigns')
      .set(world.admin.auth)
      .send({ name: '领导包案', startsOn: '2026-03-01', endsOn: '2026-06-30', unitIds: [world.district.id] })
    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send({
      clientId: 'owned-case-0001',
      kind: 'complaint',
      categoryCode: 'culture.library',
      title: '书屋长期关闭',
      description: '书屋长期关闭无人管理',
    })
    const own = (auth: Record<string, string>) =>
      request
        .post(`/api/v1/cases/${submitted.body.id}/transitions`)
        .set(auth)
        .send({ action: 'takeOwnership', reason: '领导包案督办' })
    expect((await own(world.cultureHandler.auth)).status).toBe(403)
    const owned = await own(leader.auth)
    expect(owned.status).toBe(200)
    expect(owned.body.ownerLeaderId).toBe(String(leader.user._id))
    expect((await own(leader.auth)).status).toBe(409)
    const ownedList = await request.get('/api/v1/cases?scope=owned').set(leader.auth)
    expect(ownedList.body.items.map((item: { id: string }) => item.id)).toEqual([submitted.body.id])
    const progress = () =>
      request
        .get(`/api/v1/campaigns/${campaign.body.id}/progress`)
        .set(leader.auth)
        .then((answer) =>
          answer.body.rows.find((row: { userId: string }) => row.userId === String(leader.user._id)),
        )
    expect((await progress()).ownership).toEqual({ owned: 1, followedUp: 0, share: 0, met: false })
    const followUp = await sync(request, leader.auth, [
      visit(campaign.body.id, { followedUpCaseIds: [submitted.body.id], purposes: ['resolvingDisputes'] }),
    ])
    expect(followUp.body.results[0].status).toBe('created')
    expect((await progress()).ownership).toEqual({ owned: 1, followedUp: 1, share: 1, met: true })
  })
})

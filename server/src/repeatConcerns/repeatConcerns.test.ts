import { repeatConcernListSchema } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { CaseSubjectModel, RepeatConcernModel } from './repeatConcern.model'

// Generous time: these tests share two cores with five other engineers' runs.
describe('repeat concerns (信访积案 / 未息诉息访)', { timeout: 120_000 }, () => {
  it('flags the same phone or household raising the same matter again after closure, with its 包案领导 and deadline', async () => {
    const clock = manualClock(new Date('2026-03-02T10:00:00+08:00'))
    const { request, logLines } = testApp({ clock })
    const world = await caseWorld(request)
    const phone = '13912349876'
    const act = async (id: string, auth: Record<string, string>, body: Record<string, unknown>) => {
      const answer = await request.post(`/api/v1/cases/${id}/transitions`).set(auth).send(body)
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    }
    const first = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ contactPhone: phone }))
    expect(first.status).toBe(201)
    const firstId = first.body.id as string
    // The matter is still open: raising it again is a duplicate, not a repeat after closure.
    const whileOpen = await request
      .post('/api/v1/cases')
      .set(world.otherResident.auth)
      .send(caseBody({ contactPhone: phone }))
    expect(await RepeatConcernModel.countDocuments({ caseId: whileOpen.body.id })).toBe(0)
    await act(firstId, world.cultureHandler.auth, { action: 'accept' })
    await act(firstId, world.cultureHandler.auth, { action: 'resolve', message: '书屋已恢复开放' })
    await act(firstId, world.districtLeader.auth, { action: 'close' })
    await CaseModel.updateOne({ _id: firstId }, { $set: { ownerLeaderId: world.districtLeader.user._id } })

    clock.set(new Date('2026-04-10T10:00:00+08:00'))
    const leaderAuth = {
      Authorization: `Bearer ${(await loginAs(request, world.districtLeader.user)).accessToken}`,
    }
    const residentAuth = {
      Authorization: `Bearer ${(await loginAs(request, world.otherResident.user)).accessToken}`,
    }
    // Another account, the same phone, the same matter: flagged.
    const again = await request
      .post('/api/v1/cases')
      .set(residentAuth)
      .send(caseBody({ contactPhone: phone, title: '书屋又不开门了', description: '农家书屋又关门一个月了' }))
    // Same phone, another matter: not flagged.
    const other = await request
      .post('/api/v1/cases')
      .set(residentAuth)
      .send(
        caseBody({
          contactPhone: phone,
          categoryCode: 'housing.property',
          title: '电梯坏了',
          description: '小区电梯停运一周无人维修',
        }),
      )
    expect([again.status, other.status]).toEqual([201, 201])
    const listed = await request.get('/api/v1/repeat-concerns').set(leaderAuth)
    expect(listed.status).toBe(200)
    expect(repeatConcernListSchema.safeParse(listed.body).success).toBe(true)
    expect(listed.body.items).toHaveLength(1)
    expect(listed.body.items[0]).toMatchObject({
      caseId: again.body.id,
      matchedBy: 'phone',
      reason: 'sameCategory',
      previousCases: [{ id: firstId, number: first.body.number }],
      ownerLeaderId: String(world.districtLeader.user._id),
      deadline: new Date('2026-06-09T10:00:00+08:00').toISOString(),
      overdue: false,
    })
    const forCase = await request.get(`/api/v1/repeat-concerns?caseId=${other.body.id}`).set(leaderAuth)
    expect(forCase.body.items).toEqual([])
    // Matched on a keyed hash: the phone is stored nowhere beside it, and never logged.
    const subject = await CaseSubjectModel.findOne({ caseId: again.body.id })
    expect(subject?.phoneHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(subject)).not.toContain(phone)
    expect(logLines.join('')).not.toContain(phone)

    // A leader of another district sees nothing; a handler may not list at all.
    const stranger = await loginAs(request, await buildUser({ role: 'leader' }))
    const foreign = await request
      .get('/api/v1/repeat-concerns')
      .set({ Authorization: `Bearer ${stranger.accessToken}` })
    expect(foreign.body.items).toEqual([])
    const handlerAuth = {
      Authorization: `Bearer ${(await loginAs(request, world.cultureHandler.user)).accessToken}`,
    }
    expect((await request.get('/api/v1/repeat-concerns').set(handlerAuth)).status).toBe(403)
    const moved = await request
      .patch(`/api/v1/repeat-concerns/${listed.body.items[0].id}`)
      .set({ Authorization: `Bearer ${stranger.accessToken}` })
      .send({ deadline: '2026-05-01T00:00:00+08:00' })
    expect(moved.status).toBe(404)
    const notLeader = await request
      .patch(`/api/v1/repeat-concerns/${listed.body.items[0].id}`)
      .set(leaderAuth)
      .send({ ownerLeaderId: String(world.cultureHandler.user._id) })
    expect(notLeader.status).toBe(400)
    clock.set(new Date('2026-06-10T10:00:00+08:00'))
    const late = await request
      .get('/api/v1/repeat-concerns')
      .set({ Authorization: `Bearer ${(await loginAs(request, world.districtLeader.user)).accessToken}` })
    expect(late.body.items[0].overdue).toBe(true)
  })

  it('flags a household raising the same matter on a later visit, by its registry link', async () => {
    const clock = manualClock(new Date('2026-03-02T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const staff = await buildUser({ role: 'staff', unitId: world.street.id })
    const auth = async () => ({ Authorization: `Bearer ${(await loginAs(request, staff)).accessToken}` })
    const household = await request
      .post('/api/v1/households')
      .set(await auth())
      .send({ headName: '孙大爷', address: '幸福村9组1号' })
    const visit = (clientId: string, visitedAt: string) => ({
      clientId,
      visitedAt,
      householdId: household.body.id,
      household: { name: '孙大爷', address: '幸福村9组1号' },
      purposes: ['visiting'],
      problems: [{ categoryCode: 'culture.library', title: '书屋不开门', description: '农家书屋一直关着门' }],
    })
    const firstSync = await request
      .post('/api/v1/visits/sync')
      .set(await auth())
      .send({ visits: [visit('repeat-visit-1', '2026-03-02T09:00:00+08:00')] })
    const firstCase = await CaseModel.findOne({ originId: firstSync.body.results[0].id })
    await CaseModel.updateOne({ _id: firstCase!._id }, { $set: { status: 'closed', closedAt: clock.now() } })
    clock.set(new Date('2026-04-02T10:00:00+08:00'))
    const secondSync = await request
      .post('/api/v1/visits/sync')
      .set(await auth())
      .send({ visits: [visit('repeat-visit-2', '2026-04-02T09:00:00+08:00')] })
    const secondCase = await CaseModel.findOne({ originId: secondSync.body.results[0].id })
    const admin = { Authorization: `Bearer ${(await loginAs(request, world.admin.user)).accessToken}` }
    const listed = await request.get(`/api/v1/repeat-concerns?caseId=${secondCase!._id}`).set(admin)
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        matchedBy: 'household',
        householdId: household.body.id,
        reason: 'sameCategory',
      }),
    ])
    const page = await request.get(`/api/v1/households/${household.body.id}`).set(await auth())
    expect(page.body.cases.map((item: { id: string; repeat: boolean }) => [item.id, item.repeat])).toEqual([
      [String(secondCase!._id), true],
      [String(firstCase!._id), false],
    ])
  })
})

import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { PairModel } from '../pairs/pair.model'
import { superviseDeadlines } from '../supervision/superviseDeadlines'
import { VisitModel } from '../visits/visit.model'

const cst = (text: string) => new Date(`${text}+08:00`)

describe('the brief (简报)', () => {
  it('counts a November case overdue since 11-22 in November, however late the watch noticed', async () => {
    const clock = manualClock(cst('2026-11-22T08:00:00')) // Sunday: an emergency runs 24 × 7
    const { request, deps } = testApp({ clock })
    const world = await caseWorld(request)
    const submitted = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ urgency: 'emergency' }))
    expect(submitted.body.deadlines.acceptBy).toBe(cst('2026-11-22T10:00:00').toISOString())

    // The watch was down; it notices on 2 December.
    clock.set(cst('2026-12-02T09:00:00'))
    expect((await superviseDeadlines(deps)).overdue).toBe(1)
    const admin = { Authorization: `Bearer ${(await loginAs(request, world.admin.user)).accessToken}` }
    const november = await request.get('/api/v1/stats/brief?from=2026-11-01&to=2026-11-30').set(admin)
    expect(november.status).toBe(200)
    expect(november.body.totals).toMatchObject({ received: 1, overdueTotal: 1, signForLate: 1 })
    expect(november.body.definitions.overdueTotal).toContain('超期')
    const december = await request.get('/api/v1/stats/brief?from=2026-12-01&to=2026-12-31').set(admin)
    expect(december.body.totals.overdueTotal).toBe(0)
  })

  it('gives the campaign figures: 出动人次, 走访户数, 收集问题, 解决问题, 结对帮扶', async () => {
    const clock = manualClock(cst('2026-11-10T09:00:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const { body: problem } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const act = (body: object) =>
      request.post(`/api/v1/cases/${problem.id}/transitions`).set(world.cultureHandler.auth).send(body)
    await act({ action: 'accept' })
    await act({ action: 'resolve', message: '已恢复开放，每周六开放' })
    const { body: open } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const staff = [world.cultureHandler.user._id, world.districtLeader.user._id]
    const visit = (household: string, visitorIds: unknown[], problems: number, problemCaseIds: string[]) => ({
      clientId: new Types.ObjectId().toHexString(),
      createdBy: staff[0],
      unitId: world.culture._id,
      revision: 1,
      contentHash: household,
      visitedAt: cst('2026-11-05T10:00:00'),
      householdKey: household,
      content: { problems: Array.from({ length: problems }, () => ({ description: '问题' })) },
      visitorIds,
      problemCaseIds,
    })
    await VisitModel.create([
      visit('h1', staff, 2, [problem.id, open.id]), // two visitors, two problems, one solved
      visit('h1', [staff[0]], 0, []), // the same household again
      visit('h2', [staff[1]], 1, []),
      { ...visit('h3', staff, 5, []), visitedAt: cst('2026-10-05T10:00:00') }, // October: not counted
    ])
    const pair = (household: string, pairedAt: Date, endedAt: Date | null) => ({
      staffId: staff[0],
      unitId: world.culture._id,
      household: { name: '张三', address: '幸福村', tags: [] },
      householdKey: household,
      revisitEveryDays: 30,
      pairedAt,
      endedAt,
    })
    await PairModel.create([
      pair('h1', cst('2026-09-01T00:00:00'), null),
      pair('h2', cst('2026-09-01T00:00:00'), cst('2026-10-31T00:00:00')), // ended before November
    ])
    const brief = await request.get('/api/v1/stats/brief?from=2026-11-01&to=2026-11-30').set(world.admin.auth)
    expect(brief.body.campaign).toEqual({
      turnouts: 4,
      households: 2,
      problemsCollected: 3,
      problemsSolved: 1,
      pairs: 1,
      pairedHouseholds: 1,
    })
    expect(brief.body.definitions.turnouts).toContain('出动人次')
  })
})

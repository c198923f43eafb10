import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseEventModel } from '../cases/caseEvent.model'
import { CaseModel } from '../cases/case.model'
import { NotificationModel } from '../notifications/notification.model'
import { runOnce } from '../scheduler/scheduler'
import { superviseDeadlines } from './superviseDeadlines'

const cst = (text: string) => new Date(`${text}+08:00`)

describe('the deadline watch', () => {
  it('warns at 80% of the time, marks overdue, chases the next day and escalates after two working days — each once', async () => {
    const clock = manualClock(cst('2026-03-02T09:00:00')) // Monday
    const { request, deps } = testApp({ clock })
    const world = await caseWorld(request)
    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const caseId = submitted.body.id as string
    expect(submitted.body.deadlines.acceptBy).toBe(cst('2026-03-02T11:00:00').toISOString())
    const notified = (action: string) => NotificationModel.countDocuments({ caseId, action })
    const events = async () =>
      (await CaseEventModel.find({ caseId }).sort({ seq: 1 })).map((event) => event.action)

    clock.set(cst('2026-03-02T10:30:00')) // 75% of the 2 hours: nothing yet
    expect(await superviseDeadlines(deps)).toEqual({ warned: 0, overdue: 0, chased: 0, escalated: 0 })
    clock.set(cst('2026-03-02T10:40:00')) // 83%
    expect((await superviseDeadlines(deps)).warned).toBe(1)
    expect((await superviseDeadlines(deps)).warned).toBe(0)
    expect(await notified('deadlineWarning')).toBe(1) // the culture bureau's handler
    // The warning is in the case's event log like every other step, once.
    expect((await events()).filter((action) => action === 'warn')).toEqual(['warn'])

    clock.set(cst('2026-03-02T11:05:00'))
    expect((await superviseDeadlines(deps)).overdue).toBe(1)
    expect((await superviseDeadlines(deps)).overdue).toBe(0)
    expect((await CaseModel.findById(caseId))!.supervisionFlag).toBe(true)
    expect(await notified('overdue')).toBeGreaterThanOrEqual(2) // handler and the district leader

    clock.set(cst('2026-03-02T23:00:00')) // same day: no chase yet
    expect((await superviseDeadlines(deps)).chased).toBe(0)
    clock.set(cst('2026-03-03T00:10:00'))
    expect((await superviseDeadlines(deps)).chased).toBe(1)
    clock.set(cst('2026-03-05T12:00:00')) // within 2 working days of the chase
    expect((await superviseDeadlines(deps)).escalated).toBe(0)
    clock.set(cst('2026-03-06T00:10:00'))
    expect((await superviseDeadlines(deps)).escalated).toBe(1)
    expect((await superviseDeadlines(deps)).escalated).toBe(0)
    expect(await events()).toEqual([
      'submit',
      'dispatch',
      'firstReply',
      'warn',
      'overdue',
      'chase',
      'escalate',
    ])
    // The culture bureau sits under the district: the district's leaders get the escalation.
    const escalatedTo = await NotificationModel.find({ caseId, action: 'escalate' })
    expect(escalatedTo.map((item) => String(item.userId))).toEqual([String(world.districtLeader.user._id)])

    // The missed sign-for deadline counts as a late signature (not as an answer that came due).
    const admin = await loginAs(request, world.admin.user) // days have passed: a fresh token
    const rates = await request
      .get('/api/v1/stats/rates?from=2026-03-01&to=2026-03-31')
      .set({ Authorization: `Bearer ${admin.accessToken}` })
    expect(rates.body.rows[0].counts).toMatchObject({
      received: 1,
      signForDue: 1,
      signForLate: 1,
      due: 0,
      overdue: 0,
    })
    expect(rates.body.rows[0]).toMatchObject({ responseRate: 0, signForRate: 0 })

    // The escalated case is listed for public criticism in the period's brief, and the unit holds
    // it open and overdue right now.
    const adminAuth = { Authorization: `Bearer ${admin.accessToken}` }
    const brief = await request.get('/api/v1/stats/brief?from=2026-03-01&to=2026-03-31').set(adminAuth)
    expect(brief.status).toBe(200)
    expect(brief.body.publicCriticism).toEqual([
      expect.objectContaining({ caseId, number: submitted.body.number, unitName: '文旅局' }),
    ])
    expect(brief.body.totals).toMatchObject({ received: 1, overdueTotal: 1, responseRate: 0 })
    expect(brief.body.totals).not.toHaveProperty('acceptH0')
    const earlier = await request.get('/api/v1/stats/brief?from=2026-02-01&to=2026-02-28').set(adminAuth)
    expect(earlier.body.publicCriticism).toEqual([])
    const now = await request.get('/api/v1/stats/workload').set(adminAuth)
    expect(now.body.rows).toEqual([{ unitId: world.culture.id, unitName: '文旅局', open: 1, overdue: 1 }])
  })

  it('runs a job once per tick however many instances try', async () => {
    const clock = manualClock(cst('2026-03-02T09:00:00'))
    const { deps } = testApp({ clock })
    let runs = 0
    const job = { name: 'countingJob', everyMs: 60_000, run: async () => ++runs }
    const attempts = await Promise.all([runOnce(deps, job), runOnce(deps, job), runOnce(deps, job)])
    expect(attempts.filter(Boolean)).toHaveLength(1)
    expect(runs).toBe(1)
    clock.advance(60_000)
    expect(await runOnce(deps, job)).toBe(true)
    expect(runs).toBe(2)
  })
  it('挂牌督办: a leader flags a case with a report-back date; it leaves the board only with a written outcome', async () => {
    const clock = manualClock(cst('2026-03-02T09:00:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const act = (auth: Record<string, string>, body: object) =>
      request.post(`/api/v1/cases/${submitted.body.id}/transitions`).set(auth).send(body)
    expect(
      (await act(world.cultureHandler.auth, { action: 'flagSupervision', reason: '群众反映强烈' })).status,
    ).toBe(403)
    const flagged = await act(world.districtLeader.auth, {
      action: 'flagSupervision',
      reason: '群众反映强烈',
    })
    expect(flagged.status).toBe(200)
    expect(flagged.body).toMatchObject({ supervisionFlag: true, supervisionLevel: 'listed' })
    expect(flagged.body.supervisionReportBy).toBe(cst('2026-03-09T23:59:59.999').toISOString()) // 5 working days
    const board = await request.get('/api/v1/supervision/board').set(world.districtLeader.auth)
    expect(board.body.flagged.map((item: { id: string }) => item.id)).toEqual([submitted.body.id])
    const tooShort = await act(world.districtLeader.auth, { action: 'closeSupervision', message: '好了' })
    expect(tooShort.status).toBe(400)
    const closed = await act(world.districtLeader.auth, {
      action: 'closeSupervision',
      message: '文旅局已恢复书屋开放并建立巡查制度',
    })
    expect(closed.status).toBe(200)
    expect(closed.body).toMatchObject({ supervisionFlag: false, supervisionLevel: null })
    expect(
      (
        await act(world.districtLeader.auth, {
          action: 'closeSupervision',
          message: '再次销号的说明文字，应当被拒绝',
        })
      ).status,
    ).toBe(409)
    const after = await request.get('/api/v1/supervision/board').set(world.districtLeader.auth)
    expect(after.body.flagged).toEqual([])
    expect(after.body.warning.concat(after.body.overdue)).toEqual([]) // 09:00, due 11:00: on time
  })
})

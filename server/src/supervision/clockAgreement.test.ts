import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseEventModel } from '../cases/caseEvent.model'
import { superviseDeadlines } from './superviseDeadlines'

const cst = (text: string) => new Date(`${text}+08:00`)
const bearer = async (request: Parameters<typeof loginAs>[0], user: { phone?: string | null }) => ({
  Authorization: `Bearer ${(await loginAs(request, user)).accessToken}`,
})

describe('the deadline watch, the board and the presented case agree on the running clock', () => {
  it('a case transferred three days after acceptance is on time everywhere ten minutes later', async () => {
    const clock = manualClock(cst('2026-03-02T09:00:00')) // Monday
    const { request, deps } = testApp({ clock })
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const act = (auth: Record<string, string>, body: object) =>
      request.post(`/api/v1/cases/${created.id}/transitions`).set(auth).send(body)
    clock.set(cst('2026-03-02T09:10:00'))
    const accepted = await act(world.cultureHandler.auth, { action: 'accept' })
    expect(accepted.body.error ?? null).toBeNull()

    clock.set(cst('2026-03-05T10:00:00')) // Thursday: three days after signing for it
    const culture = await bearer(request, world.cultureHandler.user)
    const transferred = await act(culture, {
      action: 'transfer',
      unitId: world.housing.id,
      reason: '属于物业问题',
    })
    expect(transferred.body.error ?? null).toBeNull()
    expect(transferred.body.deadlines.acceptBy).toBe(cst('2026-03-05T12:00:00').toISOString())

    clock.set(cst('2026-03-05T10:10:00'))
    expect(await superviseDeadlines(deps)).toMatchObject({ warned: 0, overdue: 0 })
    const leader = await bearer(request, world.districtLeader.user)
    const board = await request.get('/api/v1/supervision/board').set(leader)
    expect(board.body.warning.concat(board.body.overdue)).toEqual([])
    const shown = await request.get(`/api/v1/cases/${created.id}`).set(leader)
    expect(shown.body.timeState).toMatchObject({ state: 'on_time', clock: 'signFor' })

    // At 11:40 (83 % of the new two hours) all three say warning.
    clock.set(cst('2026-03-05T11:40:00'))
    expect((await superviseDeadlines(deps)).warned).toBe(1)
    const leaderAgain = await bearer(request, world.districtLeader.user)
    const later = await request.get('/api/v1/supervision/board').set(leaderAgain)
    expect(later.body.warning.map((item: { id: string }) => item.id)).toEqual([created.id])
    expect((await request.get(`/api/v1/cases/${created.id}`).set(leaderAgain)).body.timeState.state).toBe(
      'warning',
    )
  })
})

describe('the sign-for clock counts office hours', () => {
  it('a case sent 22:30 on 1 October is not overdue at 09:00 on 2 October', async () => {
    const clock = manualClock(cst('2026-10-01T22:30:00'))
    const { request, deps } = testApp({ clock })
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(created.deadlines.acceptBy).toBe(cst('2026-10-08T11:00:00').toISOString())
    const actions = async () =>
      (await CaseEventModel.find({ caseId: created.id }).sort({ seq: 1 })).map((event) => event.action)
    clock.set(cst('2026-10-02T09:00:00'))
    await superviseDeadlines(deps)
    expect(await actions()).toEqual(['submit', 'dispatch', 'firstReply'])
    clock.set(cst('2026-10-08T11:01:00'))
    await superviseDeadlines(deps)
    expect(await actions()).toEqual(['submit', 'dispatch', 'firstReply', 'overdue'])
  })
})

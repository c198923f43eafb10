import { describe, expect, it } from 'vitest'
import { buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { remindDueRevisits } from './remindRevisits'

const household = { name: '赵奶奶', address: '幸福村5组8号', phone: '13912345678', tags: ['needy'] }

describe('pairs (结对帮扶)', () => {
  it('reminds of revisits as they fall due and shows the history of the pair', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request, deps } = testApp({ clock })
    const user = await buildUser({ role: 'staff' })
    const login = async () => ({ Authorization: `Bearer ${(await loginAs(request, user)).accessToken}` })
    let auth = await login()
    const paired = await request.post('/api/v1/pairs').set(auth).send({ household, revisitEveryDays: 14 })
    expect(paired.status).toBe(201)
    expect(paired.body.household.phone).toBe('139****5678')
    expect(paired.body.revisit).toMatchObject({ dueOn: '2026-03-16', state: 'ok' })
    expect((await request.post('/api/v1/pairs').set(auth).send({ household })).status).toBe(409)

    clock.set(new Date('2026-03-14T09:00:00+08:00'))
    auth = await login()
    let listed = await request.get('/api/v1/pairs').set(auth)
    expect(listed.body.items[0].revisit).toMatchObject({ state: 'dueSoon', daysLeft: 2 })

    const synced = await request
      .post('/api/v1/visits/sync')
      .set(auth)
      .send({
        visits: [
          {
            clientId: 'pair-visit-0001',
            visitedAt: '2026-03-14T08:30:00+08:00',
            household: { ...household, name: '赵 奶奶' },
            purposes: ['visiting', 'doingPracticalThings'],
            notes: '帮助办理高龄补贴',
          },
        ],
      })
    expect(synced.body.results[0].status).toBe('created')
    listed = await request.get('/api/v1/pairs').set(auth)
    expect(listed.body.items[0]).toMatchObject({
      lastVisitAt: new Date('2026-03-14T08:30:00+08:00').toISOString(),
      revisit: { dueOn: '2026-03-28', state: 'ok' },
    })
    // The reminder job tells the member once per due date, even when run twice (two instances).
    clock.set(new Date('2026-03-26T09:00:00+08:00'))
    expect(await remindDueRevisits(deps)).toBe(1)
    expect(await remindDueRevisits(deps)).toBe(0)
    auth = await login()
    const inbox = await request.get('/api/v1/notifications').set(auth)
    expect(inbox.body.items[0]).toMatchObject({
      caseId: null,
      url: '/pages/visits/pairs/index',
      title: '结对户即将到期回访',
      body: '赵奶奶：请在 2026-03-28 前回访',
    })

    clock.set(new Date('2026-03-30T09:00:00+08:00'))
    expect(await remindDueRevisits(deps)).toBe(0) // same due date, now overdue: already reminded
    auth = await login()
    const detail = await request.get(`/api/v1/pairs/${paired.body.id}`).set(auth)
    expect(detail.body.revisit.state).toBe('overdue')
    expect(detail.body.household.phone).toBe('13912345678') // the paired member may call them
    expect(detail.body.history).toHaveLength(1)
    expect(detail.body.history[0].notes).toBe('帮助办理高龄补贴')

    const other = await loginAs(request, await buildUser({ role: 'staff' }))
    const foreign = await request
      .get(`/api/v1/pairs/${paired.body.id}`)
      .set({ Authorization: `Bearer ${other.accessToken}` })
    expect(foreign.status).toBe(404)
    expect((await request.delete(`/api/v1/pairs/${paired.body.id}`).set(auth)).status).toBe(200)
    expect((await request.get('/api/v1/pairs').set(auth)).body.items).toHaveLength(0)
  })
})

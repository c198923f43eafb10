import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { VisitModel, VisitRevisionModel } from './visit.model'

const visit = (n: number, overrides: Record<string, unknown> = {}) => ({
  clientId: `visit-${String(n).padStart(6, '0')}-x`,
  visitedAt: '2026-03-02T09:00:00+08:00',
  household: { name: `住户${n}`, address: `幸福村${n}号`, phone: '13712345678', tags: ['needy'] },
  purposes: ['visiting'],
  notes: `第${n}户情况良好`,
  ...overrides,
})

async function staffSession(request: ReturnType<typeof testApp>['request']) {
  const unit = await buildUnit({ level: 'community' })
  const user = await buildUser({ role: 'staff', unitId: unit.id })
  const session = await loginAs(request, user)
  return { user, unit, auth: { Authorization: `Bearer ${session.accessToken}` } }
}

describe('POST /visits/sync', () => {
  it('a batch sent twice, and a batch cut off midway and resent, never loses or doubles a visit', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const staff = await staffSession(request)
    const batch = Array.from({ length: 60 }, (_, i) => visit(i))

    const cut = await request
      .post('/api/v1/visits/sync')
      .set(staff.auth)
      .send({ visits: batch.slice(0, 25) })
    expect(cut.body.results.every((result: { status: string }) => result.status === 'created')).toBe(true)
    const full = await request.post('/api/v1/visits/sync').set(staff.auth).send({ visits: batch })
    const statuses = full.body.results.map((result: { status: string }) => result.status)
    expect(statuses.slice(0, 25)).toEqual(Array(25).fill('duplicate'))
    expect(statuses.slice(25)).toEqual(Array(35).fill('created'))
    expect(full.body.results.map((result: { clientId: string }) => result.clientId)).toEqual(
      batch.map((item) => item.clientId),
    )
    const again = await request.post('/api/v1/visits/sync').set(staff.auth).send({ visits: batch })
    expect(again.body.results.every((result: { status: string }) => result.status === 'duplicate')).toBe(true)
    expect(await VisitModel.countDocuments({ createdBy: staff.user._id })).toBe(60)
  })

  it('refuses a changed visit without a higher revision, and keeps every revision of an edit', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const staff = await staffSession(request)
    const first = await request
      .post('/api/v1/visits/sync')
      .set(staff.auth)
      .send({ visits: [visit(1)] })
    const id = first.body.results[0].id

    const conflicting = await request
      .post('/api/v1/visits/sync')
      .set(staff.auth)
      .send({ visits: [visit(1, { notes: '改了内容' })] })
    expect(conflicting.body.results[0]).toMatchObject({ status: 'error', error: { code: 'CONFLICT' } })
    expect(((await VisitModel.findById(id))!.content as { notes: string }).notes).toBe('第1户情况良好')

    const edited = await request
      .post('/api/v1/visits/sync')
      .set(staff.auth)
      .send({ visits: [visit(1, { notes: '屋顶漏雨，需回访', revision: 2 })] })
    expect(edited.body.results[0]).toMatchObject({ status: 'updated', id })
    const revisions = await VisitRevisionModel.find({ visitId: id }).sort({ revision: 1 })
    expect(revisions.map((revision) => revision.revision)).toEqual([1, 2])
    expect(String(revisions[1]!.by)).toBe(String(staff.user._id))
  })

  it('answers per item: bad items and future dates fail alone, the rest are written', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const staff = await staffSession(request)
    const answer = await request
      .post('/api/v1/visits/sync')
      .set(staff.auth)
      .send({
        visits: [
          visit(1),
          { clientId: 'broken-0001', purposes: [] },
          visit(2, { visitedAt: '2026-03-11T09:00:00+08:00' }),
          visit(3),
        ],
      })
    expect(answer.status).toBe(200)
    expect(answer.body.results.map((result: { status: string }) => result.status)).toEqual([
      'created',
      'error',
      'error',
      'created',
    ])
    expect(answer.body.results[1]).toMatchObject({
      clientId: 'broken-0001',
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(answer.body.results[2].error.code).toBe('INVALID_DATE')
  })

  it('keeps each member’s client ids apart, lists with masked household data, and is closed to residents', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const a = await staffSession(request)
    const b = await staffSession(request)
    await request
      .post('/api/v1/visits/sync')
      .set(a.auth)
      .send({ visits: [visit(7)] })
    const other = await request
      .post('/api/v1/visits/sync')
      .set(b.auth)
      .send({ visits: [visit(7)] })
    expect(other.body.results[0].status).toBe('created')
    const mine = await request.get('/api/v1/visits').set(a.auth)
    expect(mine.body.items).toHaveLength(1)
    expect(mine.body.items[0].household).toMatchObject({
      name: '住户7',
      phone: '137****5678',
      address: '幸福村****',
    })
    const resident = await loginAs(request, await buildUser({ role: 'resident' }))
    const denied = await request
      .post('/api/v1/visits/sync')
      .set({ Authorization: `Bearer ${resident.accessToken}` })
      .send({ visits: [visit(1)] })
    expect(denied.status).toBe(403)
    expect((await request.post('/api/v1/visits/sync').set(a.auth).send({ visits: [] })).status).toBe(400)
  })
})

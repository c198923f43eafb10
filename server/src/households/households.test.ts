import { householdPageSchema } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { HouseholdContactViewModel } from './household.model'

type Request = ReturnType<typeof testApp>['request']

async function staffOf(request: Request, unitId: string, name: string) {
  const user = await buildUser({ role: 'staff', unitId, name })
  return { user, auth: { Authorization: `Bearer ${(await loginAs(request, user)).accessToken}` } }
}

const visitOf = (clientId: string, householdId: string, extra: Record<string, unknown> = {}) => ({
  clientId,
  visitedAt: '2026-03-09T09:00:00+08:00',
  householdId,
  household: { name: '王秀英', address: '幸福村3组12号', phone: '13912340001' },
  purposes: ['visiting'],
  notes: `${clientId} 的走访记录`,
  ...extra,
})

// Generous time: these tests share two cores with five other engineers' runs.
describe('households (民情档案)', { timeout: 120_000 }, () => {
  it('gathers the visits of two staff members, their problem cases and pairs on one page; contact masked until revealed', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const world = await caseWorld(request)
    const first = await staffOf(request, world.street.id, '李网格员')
    const second = await staffOf(request, world.street.id, '张干部')
    const created = await request
      .post('/api/v1/households')
      .set(first.auth)
      .send({
        headName: '王秀英',
        address: '幸福村3组12号',
        location: { lat: 39.25, lng: 116.25 },
        phone: '13912340001',
        tags: ['livingAlone', 'minimumLiving'],
        members: [{ name: '王秀英', relation: 'head', ageBand: '80+', tags: ['livingAlone'] }],
      })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      headName: '王秀英',
      address: '幸福村****',
      phone: '139****0001',
      gridId: world.grid.id,
      memberCount: 1,
    })
    const id = created.body.id as string
    // The same household twice in one unit is found, not doubled.
    const again = await request
      .post('/api/v1/households')
      .set(second.auth)
      .send({ headName: '王 秀英', address: '幸福村3组12号' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('HOUSEHOLD_EXISTS')

    const one = await request
      .post('/api/v1/visits/sync')
      .set(first.auth)
      .send({
        visits: [
          visitOf('hh-page-first-1', id, {
            problems: [
              {
                categoryCode: 'culture.library',
                title: '书屋不开门',
                description: '村里的农家书屋两个月没开门了',
              },
            ],
          }),
        ],
      })
    expect(one.body.results[0].status).toBe('created')
    const two = await request
      .post('/api/v1/visits/sync')
      .set(second.auth)
      .send({ visits: [visitOf('hh-page-second-1', id, { visitedAt: '2026-03-10T09:00:00+08:00' })] })
    expect(two.body.results[0].status).toBe('created')
    await request
      .post('/api/v1/pairs')
      .set(second.auth)
      .send({ household: { name: '王秀英', address: '幸福村3组12号' } })

    const page = await request.get(`/api/v1/households/${id}`).set(first.auth)
    expect(page.status).toBe(200)
    expect(householdPageSchema.safeParse(page.body).success).toBe(true)
    expect(page.body.visits.map((visit: { createdByName: string }) => visit.createdByName)).toEqual([
      '张干部',
      '李网格员',
    ])
    expect(page.body.cases).toHaveLength(1)
    expect(page.body.cases[0]).toMatchObject({ title: '书屋不开门', repeat: false })
    expect(page.body.pairs).toEqual([expect.objectContaining({ staffName: '张干部', endedAt: null })])
    expect(page.body.phone).toBe('139****0001')
    expect(JSON.stringify(page.body)).not.toContain('13912340001')

    // Staff see only their own visits in /visits, even filtered by the household.
    const mine = await request.get(`/api/v1/visits?household=${id}`).set(second.auth)
    expect(mine.body.items.map((item: { clientId: string }) => item.clientId)).toEqual(['hh-page-second-1'])

    // The contact is revealed through the audited route only.
    expect(await HouseholdContactViewModel.countDocuments({ householdId: id })).toBe(0)
    const contact = await request.post(`/api/v1/households/${id}/contact`).set(second.auth)
    expect(contact.body).toEqual({ phone: '13912340001', address: '幸福村3组12号' })
    const views = await HouseholdContactViewModel.find({ householdId: id })
    expect(views.map((view) => [String(view.viewerId), view.fields])).toEqual([
      [String(second.user._id), ['phone', 'address']],
    ])
  })

  it("finds households by name or address within the unit's subtree only, and refuses visits linked outside it", async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const district = await buildUnit({ level: 'district' })
    const street = await buildUnit({ level: 'street', parentId: district.id })
    const otherStreet = await buildUnit({ level: 'street', parentId: district.id })
    const insider = await staffOf(request, street.id, '内')
    const outsider = await staffOf(request, otherStreet.id, '外')
    const leader = {
      auth: {
        Authorization: `Bearer ${(await loginAs(request, await buildUser({ role: 'leader', unitId: district.id }))).accessToken}`,
      },
    }
    const created = await request
      .post('/api/v1/households')
      .set(insider.auth)
      .send({ headName: '赵德明', address: '和平路88号2单元301', phone: '13912340002' })
    const id = created.body.id as string
    const search = async (auth: Record<string, string>, q: string) =>
      (await request.get(`/api/v1/households?q=${encodeURIComponent(q)}`).set(auth)).body.items as Array<{
        id: string
        headName: string
        address: string
      }>
    expect((await search(insider.auth, '赵德')).map((item) => item.id)).toEqual([id])
    expect((await search(insider.auth, '和平路'))[0]).toMatchObject({
      headName: '赵德明',
      address: '和平路****',
    })
    expect((await search(leader.auth, '赵德明')).map((item) => item.id)).toEqual([id])
    // Another street's staff learn nothing: not the name, not that the household exists.
    expect(await search(outsider.auth, '赵德明')).toEqual([])
    expect(await search(outsider.auth, '和平路')).toEqual([])
    expect((await request.get(`/api/v1/households/${id}`).set(outsider.auth)).status).toBe(404)
    expect((await request.post(`/api/v1/households/${id}/contact`).set(outsider.auth)).status).toBe(404)
    const linked = await request
      .post('/api/v1/visits/sync')
      .set(outsider.auth)
      .send({ visits: [visitOf('hh-outside-1', id)] })
    expect(linked.body.results[0]).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } })
    const invalid = await request
      .post('/api/v1/households')
      .set(insider.auth)
      .send({ headName: '', address: 'x' })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED')
  })
})

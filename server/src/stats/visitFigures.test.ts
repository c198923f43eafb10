import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'

const visit = (id: string, day: string, household: number, tags: string[]) => ({
  clientId: `figures-${id}`,
  visitedAt: `${day}T09:00:00+08:00`,
  household: { name: `住户${household}`, address: `幸福村${household}号`, tags },
  purposes: ['visiting'],
  notes: '情况良好',
})

describe('GET /stats/visits', () => {
  it('counts visits, distinct households and field days per staff member, and households by tag', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const community = await buildUnit({ level: 'community' })
    const elsewhere = await buildUnit({ level: 'community' })
    const session = async (role: 'staff' | 'leader' | 'admin', unitId: string) => {
      const user = await buildUser({ role, unitId })
      return { user, auth: { Authorization: `Bearer ${(await loginAs(request, user)).accessToken}` } }
    }
    const [first, second] = [await session('staff', community.id), await session('staff', community.id)]
    const sync = (auth: Record<string, string>, visits: object[]) =>
      request.post('/api/v1/visits/sync').set(auth).send({ visits })
    await sync(first.auth, [
      visit('a', '2026-03-02', 1, ['needy']),
      visit('b', '2026-03-03', 1, ['needy']),
      visit('c', '2026-03-03', 2, ['独居']),
    ])
    await sync(second.auth, [visit('d', '2026-03-04', 3, ['needy'])])
    const admin = await session('admin', community.id)

    const answer = await request.get('/api/v1/stats/visits?from=2026-03-01&to=2026-03-31').set(admin.auth)
    expect(answer.status).toBe(200)
    expect(answer.body.visits).toBe(4)
    expect(answer.body.staff).toEqual([
      expect.objectContaining({ userId: String(first.user._id), visits: 3, households: 2, fieldDays: 2 }),
      expect.objectContaining({ userId: String(second.user._id), visits: 1, households: 1, fieldDays: 1 }),
    ])
    expect(answer.body.tags).toEqual([
      { tag: 'needy', label: expect.any(String), households: 2 },
      { tag: '独居', label: '独居', households: 1 },
    ])
    // A period without visits, and a leader of another unit who sees nothing of this one.
    const march3 = await request.get('/api/v1/stats/visits?from=2026-03-03&to=2026-03-03').set(admin.auth)
    expect(march3.body.visits).toBe(2)
    const outsider = await session('leader', elsewhere.id)
    const hidden = await request.get('/api/v1/stats/visits?from=2026-03-01&to=2026-03-31').set(outsider.auth)
    expect(hidden.body).toEqual({ visits: 0, staff: [], tags: [] })
  })
})

import { china2026, defaultTimeLimits } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { mergeCalendars } from './currentSettings'

describe('admin-maintained time limits and calendars', () => {
  it('new time limits apply to deadlines computed from then on; bad limits are refused per field', async () => {
    const clock = manualClock(new Date('2026-03-02T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const faster = {
      ...defaultTimeLimits,
      acceptHours: 1,
      answer: { ...defaultTimeLimits.answer, general: { workingDays: 3 } },
    }
    const saved = await request.put('/api/v1/settings/time-limits').set(world.admin.auth).send(faster)
    expect(saved.status).toBe(200)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(created.deadlines.acceptBy).toBe('2026-03-02T03:00:00.000Z')
    // Monday + 3 working days, counted from the sign-for deadline (same day) → Thursday 23:59:59 CST
    expect(created.deadlines.expectedAnswerBy).toBe('2026-03-05T15:59:59.999Z')

    const bad = await request
      .put('/api/v1/settings/time-limits')
      .set(world.admin.auth)
      .send({ ...faster, warnShare: 2, answer: { ...faster.answer, complex: { workingDays: -1 } } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(['warnShare']),
    )
    expect(
      (await request.put('/api/v1/settings/time-limits').set(world.districtLeader.auth).send(faster)).status,
    ).toBe(403)
    await request.put('/api/v1/settings/time-limits').set(world.admin.auth).send(defaultTimeLimits)
  })

  it("an admin sets next year's calendar; deadlines across the new year follow it", async () => {
    const clock = manualClock(new Date('2026-12-30T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const year2027 = { holidays: ['2027-01-01', '2027-01-04'], workdays: ['2027-01-09'] }
    expect((await request.put('/api/v1/calendars/2027').set(world.admin.auth).send(year2027)).status).toBe(
      200,
    )
    expect((await request.get('/api/v1/calendars/2027').set(world.admin.auth)).body).toEqual({
      year: 2027,
      confirmed: true,
      source: 'city',
      appliesTo: 'city',
      ...year2027,
    })

    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    // Wed 30 Dec (sign-for by 12:00): Thu 31 (1), [Fri 1 Jan holiday], [Mon 4 holiday], Tue 5 (2), Wed 6 (3),
    // Thu 7 (4), Fri 8 (5), Sat 9 make-up (6), Mon 11 (7)
    expect(created.deadlines.expectedAnswerBy).toBe('2027-01-11T15:59:59.999Z')

    const wrongYear = await request
      .put('/api/v1/calendars/2027')
      .set(world.admin.auth)
      .send({ holidays: ['2028-01-01'], workdays: [] })
    expect(wrongYear.status).toBe(400)
    expect(wrongYear.body.error.issues[0].path).toBe('holidays.0')
    const both = await request
      .put('/api/v1/calendars/2027')
      .set(world.admin.auth)
      .send({ holidays: ['2027-02-30'], workdays: [] })
    expect(both.status).toBe(400)
    expect(
      (await request.delete('/api/v1/calendars/2027').set(world.admin.auth)).body.confirmedYears,
    ).toEqual([2026])
  })

  it("warns admins from 1 November that next year's calendar is missing; 1 January is not a working day meanwhile", async () => {
    const clock = manualClock(new Date('2026-11-02T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const status = await request.get('/api/v1/calendars').set(world.admin.auth)
    expect(status.status).toBe(200)
    expect(status.body).toMatchObject({ confirmedYears: [2026], nextYear: 2027, nextYearMissing: true })
    expect(status.body.warning).toContain('2027年节假日安排尚未录入')
    const year = await request.get('/api/v1/calendars/2027').set(world.admin.auth)
    expect(year.body).toMatchObject({ year: 2027, confirmed: false, workdays: [] })
    expect(year.body.holidays).toContain('2027-01-01')
    expect((await request.get('/api/v1/calendars').set(world.resident.auth)).status).toBe(403)
  })

  it('a year in the database replaces only that year of the shipped calendar', () => {
    const merged = mergeCalendars(china2026, [{ year: 2026, holidays: ['2026-12-31'], workdays: [] }])
    expect(merged.holidays).toEqual(['2026-12-31'])
    expect(merged.workdays).toEqual([])
    const added = mergeCalendars(china2026, [{ year: 2027, holidays: ['2027-01-01'], workdays: [] }])
    expect(added.holidays).toContain('2026-10-01')
    expect(added.holidays).toContain('2027-01-01')
  })
})

describe('category administration', () => {
  it('adds sub-categories under a parent code and retires categories without deleting them', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const added = await request
      .post('/api/v1/categories')
      .set(world.admin.auth)
      .send({ code: 'culture.square', name: '广场舞', parentCode: 'culture' })
    expect(added.status).toBe(201)
    const wrongPrefix = await request
      .post('/api/v1/categories')
      .set(world.admin.auth)
      .send({ code: 'square', name: 'x', parentCode: 'culture' })
    expect(wrongPrefix.body.error.issues[0].path).toBe('code')
    expect(
      (
        await request
          .post('/api/v1/categories')
          .set(world.admin.auth)
          .send({ code: 'culture.square', name: 'y', parentCode: 'culture' })
      ).status,
    ).toBe(409)

    const tree = await request.get('/api/v1/categories')
    const culture = tree.body.categories.find((node: { code: string }) => node.code === 'culture')
    expect(culture.children.map((node: { code: string }) => node.code)).toContain('culture.square')

    await request.patch('/api/v1/categories/culture.square').set(world.admin.auth).send({ enabled: false })
    const submitted = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ categoryCode: 'culture.square' }))
    expect(submitted.status).toBe(400)
    expect(
      (
        await request
          .patch('/api/v1/categories/culture.square')
          .set(world.cultureHandler.auth)
          .send({ enabled: true })
      ).status,
    ).toBe(403)
  })
})

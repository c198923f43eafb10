import { defaultTimeLimits } from '@minqing/shared'

import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { authorizationOf, buildSecondDistrict } from '../../test/secondDistrict'
import { buildUser } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { ConfigChangeModel } from '../audit/configChange.model'

import { defaultTenantCode, defaultTenantId, ensureDefaultTenant } from '../tenants/defaultTenant'

type Request = ReturnType<typeof testApp>['request']

/** 和平区 (the default tenant, caseWorld's units) and 河东区 with its own culture bureau and rule. */
async function twoDistricts(request: Request) {
  await ensureDefaultTenant()
  const world = await caseWorld(request)
  const as = (props: Parameters<typeof buildUser>[0]) => authorizationOf(request, props)
  const { hedong, culture } = await buildSecondDistrict({ uniqueUnitName: true })
  return {
    world,
    hedong,
    culture,
    heping: await as({ role: 'admin', tenantId: String(defaultTenantId) }),
    hedongAdmin: await as({ role: 'admin', tenantId: hedong.id }),
    hedongHandler: await as({ role: 'handler', unitId: culture.id }),
    city: world.admin.auth,
  }
}

/** One resident files the same case at the same instant in 河东区 (by its link) and in 和平区. */
function fileInEachDistrict(request: Request, t: Awaited<ReturnType<typeof twoDistricts>>) {
  const file = (body: Record<string, unknown>) =>
    request.post('/api/v1/cases').set(t.world.resident.auth).send(body)
  return Promise.all([file(caseBody({ tenant: t.hedong.code })), file(caseBody())])
}

const fasterGeneral = {
  ...defaultTimeLimits,
  answer: { ...defaultTimeLimits.answer, general: { workingDays: 3 } },
}

describe('time limits and holiday calendars per district (tenant)', { timeout: 240_000 }, () => {
  it('a 河东区 case takes its deadlines from 河东区’s own limits and local holiday; a 和平区 case at the same instant does not', async () => {
    // Monday 2 March 2026, 10:00 China time.
    const clock = manualClock(new Date('2026-03-02T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const t = await twoDistricts(request)

    const ownLimits = await request.put('/api/v1/settings/time-limits').set(t.hedongAdmin).send(fasterGeneral)
    expect(ownLimits.status).toBe(200)
    expect(ownLimits.body).toMatchObject({ source: 'tenant', answer: { general: { workingDays: 3 } } })

    const inherited = await request.get('/api/v1/calendars/2026').set(t.hedongAdmin)
    expect(inherited.body).toMatchObject({ year: 2026, confirmed: true, source: 'city' })
    // A local 调休: Wednesday 4 March is a holiday in 河东区 only.
    const local = {
      holidays: [...inherited.body.holidays, '2026-03-04'].sort(),
      workdays: inherited.body.workdays,
    }
    expect((await request.put('/api/v1/calendars/2026').set(t.hedongAdmin).send(local)).status).toBe(200)
    expect((await request.get('/api/v1/calendars/2026').set(t.hedongAdmin)).body).toMatchObject({
      source: 'tenant',
      holidays: local.holidays,
    })

    const [hedongCase, hepingCase] = await fileInEachDistrict(request, t)
    expect(hedongCase.body.unitId).toBe(t.culture.id)
    // 3 working days after Monday, Wednesday 4 off: Tue 3 (1), Thu 5 (2), Fri 6 (3).
    expect(hedongCase.body.deadlines.expectedAnswerBy).toBe('2026-03-06T15:59:59.999Z')
    // The city's 7 working days, no local holiday: Tue 3 … Wed 11.
    expect(hepingCase.body.deadlines.expectedAnswerBy).toBe('2026-03-11T15:59:59.999Z')

    // What the H5 shows before submitting, per district link.
    const expected = async (query: string) =>
      (await request.get(`/api/v1/deadlines/expected?urgency=general${query}`)).body.expectedAnswerBy
    expect(await expected(`&tenant=${t.hedong.code}`)).toBe('2026-03-06T15:59:59.999Z')
    expect(await expected('')).toBe('2026-03-11T15:59:59.999Z')
    const unknown = await request.get('/api/v1/deadlines/expected?tenant=nowhere')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe('TENANT_UNKNOWN')

    // Signing for the case counts the answer from then on with 河东区’s limits (applyTransition).
    clock.advance(5 * 60_000)
    const accepted = await request
      .post(`/api/v1/cases/${hedongCase.body.id}/transitions`)
      .set(t.hedongHandler)
      .send({ action: 'accept' })
    expect(accepted.status).toBe(200)
    // Monday 10:05 + 3 working days, Wednesday 4 off (the city's would be Wednesday 11).
    expect(accepted.body.deadlines.dueAt).toBe('2026-03-06T15:59:59.999Z')

    // 和平区’s admin sees the city’s settings, unchanged.
    const heping = await request.get('/api/v1/settings/time-limits').set(t.heping)
    expect(heping.body).toMatchObject({
      source: 'city',
      appliesTo: 'tenant',
      answer: { general: { workingDays: 7 } },
    })
    const hepingYear = await request.get('/api/v1/calendars/2026').set(t.heping)
    expect(hepingYear.body.source).toBe('city')
    expect(hepingYear.body.holidays).not.toContain('2026-03-04')
    expect((await request.get('/api/v1/calendars').set(t.hedongAdmin)).body.ownYears).toEqual([2026])
    expect((await request.get('/api/v1/calendars').set(t.heping)).body.ownYears).toEqual([])
  })

  it('the supervision board warns each case at its own district’s warning share', async () => {
    const clock = manualClock(new Date('2026-03-02T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const t = await twoDistricts(request)
    const early = { ...defaultTimeLimits, warnShare: 0.05 }
    expect((await request.put('/api/v1/settings/time-limits').set(t.hedongAdmin).send(early)).status).toBe(
      200,
    )
    const [hedongCase, hepingCase] = await fileInEachDistrict(request, t)
    // 10 of the 120 minutes to sign for: past 河东区’s 5 %, well before the city’s 80 %.
    clock.advance(10 * 60_000)
    const board = await request.get('/api/v1/supervision/board').set(t.city)
    expect(board.status).toBe(200)
    const warned = board.body.warning.map((item: { id: string }) => item.id)
    expect(warned).toContain(hedongCase.body.id)
    expect(warned).not.toContain(hepingCase.body.id)
    await request.delete('/api/v1/settings/time-limits').set(t.hedongAdmin)
  })

  it('keeps a district’s override its own: another district’s admin gets 404, the city admin reaches it', async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    expect((await request.put('/api/v1/settings/time-limits').set(t.heping).send(fasterGeneral)).status).toBe(
      200,
    )
    const foreign = `?tenant=${defaultTenantCode}`
    expect((await request.get(`/api/v1/settings/time-limits${foreign}`).set(t.hedongAdmin)).status).toBe(404)
    expect(
      (await request.put(`/api/v1/settings/time-limits${foreign}`).set(t.hedongAdmin).send(fasterGeneral))
        .status,
    ).toBe(404)
    expect((await request.delete(`/api/v1/settings/time-limits${foreign}`).set(t.hedongAdmin)).status).toBe(
      404,
    )
    expect((await request.get(`/api/v1/calendars/2026${foreign}`).set(t.hedongAdmin)).status).toBe(404)
    expect(
      (
        await request
          .put(`/api/v1/calendars/2026${foreign}`)
          .set(t.hedongAdmin)
          .send({ holidays: [], workdays: [] })
      ).status,
    ).toBe(404)
    expect((await request.delete(`/api/v1/calendars/2026${foreign}`).set(t.hedongAdmin)).status).toBe(404)
    // Their own code is simply their own.
    expect(
      (await request.get(`/api/v1/settings/time-limits?tenant=${t.hedong.code}`).set(t.hedongAdmin)).body
        .source,
    ).toBe('city')
    // 河东区 is untouched by 和平区’s override; the city admin sees 和平区’s with ?tenant=.
    expect(
      (await request.get('/api/v1/settings/time-limits').set(t.hedongAdmin)).body.answer.general,
    ).toEqual({ workingDays: 7 })
    const seen = await request.get(`/api/v1/settings/time-limits${foreign}`).set(t.city)
    expect(seen.body).toMatchObject({ source: 'tenant', answer: { general: { workingDays: 3 } } })
    expect((await request.get('/api/v1/settings/time-limits').set(t.city)).body).toMatchObject({
      source: 'city',
      appliesTo: 'city',
    })
    expect((await request.delete('/api/v1/settings/time-limits').set(t.heping)).body.source).toBe('city')
  })

  it('the city admin edits the city default, which both districts inherit where they set nothing; each change is audited with its district', async () => {
    const clock = manualClock(new Date('2026-12-30T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const t = await twoDistricts(request)
    const cityLimits = { ...defaultTimeLimits, ratingWindowDays: 10 }
    const city = await request.put('/api/v1/settings/time-limits').set(t.city).send(cityLimits)
    expect(city.body).toMatchObject({ source: 'city', ratingWindowDays: 10 })
    const year2027 = { holidays: ['2027-01-01'], workdays: [] }
    expect((await request.put('/api/v1/calendars/2027').set(t.city).send(year2027)).status).toBe(200)
    for (const admin of [t.heping, t.hedongAdmin]) {
      expect((await request.get('/api/v1/settings/time-limits').set(admin)).body).toMatchObject({
        source: 'city',
        ratingWindowDays: 10,
      })
      expect((await request.get('/api/v1/calendars/2027').set(admin)).body).toMatchObject({
        source: 'city',
        confirmed: true,
        ...year2027,
      })
    }

    // The city admin sets 河东区’s own limits; 河东区’s admin then goes back to the city’s.
    const forHedong = await request
      .put(`/api/v1/settings/time-limits?tenant=${t.hedong.code}`)
      .set(t.city)
      .send(fasterGeneral)
    expect(forHedong.body.source).toBe('tenant')
    expect((await request.get('/api/v1/settings/time-limits').set(t.hedongAdmin)).body.source).toBe('tenant')
    const reset = await request.delete('/api/v1/settings/time-limits').set(t.hedongAdmin)
    expect(reset.status).toBe(200)
    expect(reset.body).toMatchObject({ source: 'city', ratingWindowDays: 10 })
    await request.put('/api/v1/calendars/2027').set(t.hedongAdmin).send({ holidays: [], workdays: [] })
    const yearReset = await request.delete('/api/v1/calendars/2027').set(t.hedongAdmin)
    expect(yearReset.body).toMatchObject({ ownYears: [] })
    expect((await request.get('/api/v1/calendars/2027').set(t.hedongAdmin)).body.holidays).toEqual([
      '2027-01-01',
    ])

    const hedongLog = await request.get('/api/v1/audit/config-changes?pageSize=100').set(t.hedongAdmin)
    expect(
      hedongLog.body.items.map(
        (row: { entityType: string; action: string }) => `${row.entityType} ${row.action}`,
      ),
    ).toEqual(['calendar delete', 'calendar create', 'timeLimits delete', 'timeLimits create'])
    const stored = await ConfigChangeModel.find({ entityType: 'timeLimits', tenantId: t.hedong._id })
      .sort({ at: 1, _id: 1 })
      .lean()
    expect(stored.map((row) => row.action)).toEqual(['create', 'delete'])
    expect(stored[0]!.after).toMatchObject({ answer: { general: { workingDays: 3 } } })
    // The city default's change is the city's (no district).
    expect(
      await ConfigChangeModel.exists({ entityType: 'timeLimits', entityId: 'timeLimits', tenantId: null }),
    ).toBeTruthy()

    await request.put('/api/v1/settings/time-limits').set(t.city).send(defaultTimeLimits)
    await request.delete('/api/v1/calendars/2027').set(t.city)
  })
})

import { describe, expect, it, vi } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'

// Many requests per test against a real database: generous time when the machine is shared.
vi.setConfig({ testTimeout: 120_000 })

describe('case ledger scope', () => {
  it("gives a district leader the cases of the district's sub-units, and nothing of another district", async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(submitted.body.unitId).toBe(world.culture.id) // a department below the district

    const csv = await request
      .get('/api/v1/exports/cases.csv?from=2026-03-01&to=2026-03-31')
      .set(world.districtLeader.auth)
    expect(csv.status).toBe(200)
    expect(csv.headers['x-total-rows']).toBe('1')
    expect(csv.text).toContain(submitted.body.number)

    // Narrowed to one sub-unit of their own district, still theirs.
    const narrowed = await request
      .get(`/api/v1/exports/cases.csv?from=2026-03-01&to=2026-03-31&unitId=${world.culture.id}`)
      .set(world.districtLeader.auth)
    expect(narrowed.text).toContain(submitted.body.number)

    const otherDistrict = await buildUnit({ level: 'district' })
    const outsider = await loginAs(request, await buildUser({ role: 'leader', unitId: otherDistrict.id }))
    const theirs = await request
      .get('/api/v1/exports/cases.csv?from=2026-03-01&to=2026-03-31')
      .set({ Authorization: `Bearer ${outsider.accessToken}` })
    expect(theirs.status).toBe(200)
    expect(theirs.headers['x-total-rows']).toBe('0')
    expect(theirs.text).not.toContain(submitted.body.number)
  })
})

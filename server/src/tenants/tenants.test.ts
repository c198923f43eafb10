import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { authorizationOf, buildSecondDistrict } from '../../test/secondDistrict'
import { buildUnit, buildUser, loginAs, testPassword, uniquePhone } from '../../test/factories'
import { testApp } from '../../test/testApp'

import { defaultTenantId } from './defaultTenant'

type Request = ReturnType<typeof testApp>['request']

/** Tenant A (the default, as before tenants) from caseWorld; tenant B = 河东区 with its own bureau and rule. */
async function twoDistricts(request: Request) {
  const world = await caseWorld(request)
  const as = (props: Parameters<typeof buildUser>[0]) => authorizationOf(request, props)
  const { hedong, root, culture } = await buildSecondDistrict({ uniqueUnitName: true })
  return {
    world,
    hedong,
    root,
    culture,
    aAdmin: await as({ role: 'admin', tenantId: String(defaultTenantId) }),
    bAdmin: await as({ role: 'admin', tenantId: hedong.id }),
  }
}

describe('districts as tenants: writes stay in the writer’s tenant', { timeout: 240_000 }, () => {
  it('files a resident’s case in the district their link names, routed by that district’s rules only', async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    const plain = await request.post('/api/v1/cases').set(t.world.resident.auth).send(caseBody())
    expect(plain.body.unitId).toBe(t.world.culture.id)
    const hedong = await request
      .post('/api/v1/cases')
      .set(t.world.resident.auth)
      .send(caseBody({ tenant: t.hedong.code }))
    expect(hedong.status).toBe(201)
    // The same category: 河东's own rule, not 和平's earlier one with the same priority.
    expect(hedong.body.unitId).toBe(t.culture.id)
    const listed = async (auth: Record<string, string>) =>
      ((await request.get('/api/v1/cases?pageSize=100').set(auth)).body.items as Array<{ id: string }>).map(
        (item) => item.id,
      )
    expect(await listed(t.bAdmin)).toEqual([hedong.body.id])
    expect(await listed(t.aAdmin)).toEqual([plain.body.id])
    expect((await listed(t.world.admin.auth)).sort()).toEqual([plain.body.id, hedong.body.id].sort())
    expect((await request.get(`/api/v1/cases/${hedong.body.id}`).set(t.aAdmin)).status).toBe(404)
    const unknown = await request
      .post('/api/v1/cases')
      .set(t.world.resident.auth)
      .send(caseBody({ tenant: 'nowhere' }))
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe('TENANT_UNKNOWN')
    expect(unknown.body.error.message).toMatch(/区县/)
  })

  it('refuses a transfer of a district’s case to another district’s unit (the unit named in the body)', async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    const filed = await request
      .post('/api/v1/cases')
      .set(t.world.resident.auth)
      .send(caseBody({ tenant: t.hedong.code }))
    expect(filed.body.unitId).toBe(t.culture.id)
    const handler = await authorizationOf(request, { role: 'handler', unitId: t.culture.id })
    const transfer = (unitId: string) =>
      request
        .post(`/api/v1/cases/${filed.body.id}/transitions`)
        .set(handler)
        .send({ action: 'transfer', unitId, reason: '不属于本单位' })
    // 和平区's culture bureau: as if it did not exist, and the case stays where it was.
    const foreign = await transfer(t.world.culture.id)
    expect(foreign.status).toBe(404)
    const after = await request.get(`/api/v1/cases/${filed.body.id}`).set(t.bAdmin)
    expect(after.body).toMatchObject({ unitId: t.culture.id, status: filed.body.status })
    // A unit of its own district is fine.
    const own = await buildUnit({ level: 'department', parentId: t.root.id, name: '河东住建局' })
    const moved = await transfer(own.id)
    expect(moved.status).toBe(200)
    expect(moved.body.unitId).toBe(own.id)
  })

  it('lets a tenant admin build units, accounts, rules and campaigns only inside their tenant', async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    // Under another tenant's unit: 404, as if it did not exist.
    const foreignUnit = await request
      .post('/api/v1/units')
      .set(t.bAdmin)
      .send({ name: '越界科', level: 'department', parentId: t.world.district.id })
    expect(foreignUnit.status).toBe(404)
    const ownRoot = await request
      .post('/api/v1/units')
      .set(t.bAdmin)
      .send({ name: '河东新区', level: 'district' })
    expect(ownRoot.status).toBe(201)
    expect(ownRoot.body.tenantId).toBe(t.hedong.id)
    const child = await request
      .post('/api/v1/units')
      .set(t.bAdmin)
      .send({ name: '河东街道', level: 'street', parentId: ownRoot.body.id })
    expect(child.body.tenantId).toBe(t.hedong.id)
    const bUnits = (await request.get('/api/v1/units').set(t.bAdmin)).body.units as Array<{
      tenantId: string
    }>
    expect(new Set(bUnits.map((unit) => unit.tenantId))).toEqual(new Set([t.hedong.id]))

    const account = (unitId: string, role = 'staff') => ({
      phone: uniquePhone(),
      name: '新同事',
      role,
      password: testPassword,
      unitId,
    })
    expect((await request.post('/api/v1/users').set(t.bAdmin).send(account(t.world.street.id))).status).toBe(
      404,
    )
    // A tenant admin's new admin belongs to their tenant, whatever the body says.
    const admin = await request
      .post('/api/v1/users')
      .set(t.bAdmin)
      .send({ ...account(t.root.id, 'admin'), unitId: undefined, tenantId: String(defaultTenantId) })
    expect(admin.status).toBe(201)
    const adminAuth = {
      Authorization: `Bearer ${(await loginAs(request, { phone: admin.body.phone })).accessToken}`,
    }
    expect((await request.get(`/api/v1/cases`).set(adminAuth)).body.items).toEqual([])
    // City-level admins are nobody's to reset in a tenant.
    expect(
      (await request.post(`/api/v1/users/${String(t.world.admin.user._id)}/password-reset`).set(t.bAdmin))
        .status,
    ).toBe(404)

    const rule = { name: '越界规则', priority: 5, categoryCodes: ['culture'], unitId: t.world.culture.id }
    expect((await request.post('/api/v1/routing/rules').set(t.bAdmin).send(rule)).status).toBe(404)
    const campaign = {
      name: '河东大走访',
      startsOn: '2026-03-01',
      endsOn: '2026-06-30',
      unitIds: [t.world.district.id],
    }
    expect((await request.post('/api/v1/campaigns').set(t.bAdmin).send(campaign)).status).toBe(404)
    const own = await request
      .post('/api/v1/campaigns')
      .set(t.bAdmin)
      .send({ ...campaign, unitIds: [t.root.id] })
    expect(own.status).toBe(201)
    expect((await request.get('/api/v1/campaigns').set(t.aAdmin)).body.items).toEqual([])
    // Nor may a unit move into another tenant.
    const move = await request.patch(`/api/v1/units/${t.culture.id}`).set(t.world.admin.auth).send({
      parentId: t.world.district.id,
    })
    expect(move.status).toBe(400)
    expect(move.body.error.code).toBe('TENANT_MISMATCH')
  })
  it("keeps another district's staff list out of a tenant admin's org export and import", async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    // The isolation test reads answers as text and cannot look inside an .xlsx (a zip): asked here.
    const foreign = await request.get(`/api/v1/exports/org.xlsx?unitId=${t.world.district.id}`).set(t.bAdmin)
    expect(foreign.status).toBe(404)
    const own = await request.get(`/api/v1/exports/org.xlsx?unitId=${t.root.id}`).set(t.bAdmin)
    expect(own.status).toBe(200)
    const importInto = await request
      .post(`/api/v1/imports/org?parentId=${t.world.district.id}&dryRun=true`)
      .set(t.bAdmin)
      .attach('file', Buffer.from('PK\u0003\u0004'), 'org.xlsx')
    expect(importInto.status).toBe(404)
    const exports = await request.get('/api/v1/audit/org-exports').set(t.bAdmin)
    expect(exports.body.items.map((row: { unitId: string }) => row.unitId)).toEqual([t.root.id])
  })
})

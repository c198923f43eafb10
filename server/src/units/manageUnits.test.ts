import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { ConfigChangeModel } from '../audit/configChange.model'
import { UnitModel } from './unit.model'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })
const pathOf = async (id: string) => (await UnitModel.findById(id))!.path.map(String)

describe('PATCH /units/:id', { timeout: 90_000 }, () => {
  it('moves a unit with its whole subtree; refuses moving under itself or a sub-unit', async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const city = await buildUnit({ level: 'city' })
    const districtA = await buildUnit({ level: 'district', parentId: city.id })
    const districtB = await buildUnit({ level: 'district', parentId: city.id })
    const street = await buildUnit({ level: 'street', parentId: districtA.id })
    const community = await buildUnit({ level: 'community', parentId: street.id })
    const grid = await buildUnit({ level: 'grid', parentId: community.id })
    const patch = (id: string, body: object) =>
      request.patch(`/api/v1/units/${id}`).set(bearer(admin.accessToken)).send(body)

    const moved = await patch(street.id, { parentId: districtB.id })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ parentId: districtB.id, path: [city.id, districtB.id] })
    expect(await pathOf(community.id)).toEqual([city.id, districtB.id, street.id])
    expect(await pathOf(grid.id)).toEqual([city.id, districtB.id, street.id, community.id])

    for (const target of [street.id, grid.id]) {
      const cycle = await patch(street.id, { parentId: target })
      expect(cycle.status).toBe(409)
      expect(cycle.body.error.code).toBe('UNIT_MOVE_CYCLE')
    }
    const upward = await patch(districtA.id, { parentId: street.id })
    expect(upward.status).toBe(400)
    expect(upward.body.error.issues[0]).toMatchObject({ path: 'parentId', code: 'invalid_level' })
    expect(await pathOf(grid.id)).toEqual([city.id, districtB.id, street.id, community.id])

    const audit = await ConfigChangeModel.findOne({ entityType: 'unit', entityId: street.id, action: 'move' })
    expect(audit?.before).toMatchObject({ parentId: districtA.id })
    expect(audit?.after).toMatchObject({ parentId: districtB.id })
  })

  it('renames (a sibling name clash is 409), disables: gone from pickers and routing, its open cases listed', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const patch = (id: string, body: object) =>
      request.patch(`/api/v1/units/${id}`).set(world.admin.auth).send(body)
    const renamed = await patch(world.culture.id, { name: '文化和旅游局' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.name).toBe('文化和旅游局')
    const clash = await patch(world.culture.id, { name: '住建局' })
    expect(clash.status).toBe(409)
    expect(clash.body.error.code).toBe('DUPLICATE')

    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send({
      clientId: 'unit-disable-case-01',
      kind: 'complaint',
      categoryCode: 'culture.library',
      title: '书屋长期关闭',
      description: '书屋长期关闭无人管理',
    })
    expect(submitted.body.unitId).toBe(world.culture.id)
    const before = await request
      .post('/api/v1/routing/dry-run')
      .set(world.admin.auth)
      .send({ categoryCode: 'culture.library' })
    expect(before.body.unitId).toBe(world.culture.id)

    const disabled = await patch(world.culture.id, { disabled: true })
    expect(disabled.status).toBe(200)
    expect(disabled.body.disabled).toBe(true)
    const picker = await request.get('/api/v1/units').set(world.resident.auth)
    expect(picker.body.units.map((unit: { id: string }) => unit.id)).not.toContain(world.culture.id)
    const adminList = await request.get('/api/v1/units?includeDisabled=true').set(world.admin.auth)
    expect(adminList.body.units.find((unit: { id: string }) => unit.id === world.culture.id)).toMatchObject({
      disabled: true,
    })
    const after = await request
      .post('/api/v1/routing/dry-run')
      .set(world.admin.auth)
      .send({ categoryCode: 'culture.library' })
    expect(after.body.unitId).not.toBe(world.culture.id)
    const open = await request.get(`/api/v1/units/${world.culture.id}/open-cases`).set(world.admin.auth)
    expect(open.status).toBe(200)
    expect(open.body.cases.map((item: { id: string }) => item.id)).toContain(submitted.body.id)
    const handler = await request
      .patch(`/api/v1/users/${world.housingHandler.user.id}`)
      .set(world.admin.auth)
      .send({ unitId: world.culture.id })
    expect(handler.status).toBe(400)

    const actions = (
      await ConfigChangeModel.find({ entityType: 'unit', entityId: world.culture.id }).sort({ at: 1, _id: 1 })
    ).map((row) => row.action)
    expect(actions).toEqual(['update', 'disable'])
    expect((await patch(world.culture.id, { disabled: false })).body.disabled).toBe(false)

    // A case cannot be handed to a disabled unit: nobody there would ever sign for it.
    expect((await patch(world.housing.id, { disabled: true })).status).toBe(200)
    const transfer = await request
      .post(`/api/v1/cases/${submitted.body.id}/transitions`)
      .set(world.cultureHandler.auth)
      .send({ action: 'transfer', unitId: world.housing.id, reason: '路灯归住建管理' })
    expect(transfer.status).toBe(400)
    expect(transfer.body.error.issues[0]).toMatchObject({ path: 'unitId', code: 'disabled' })
  })
})

import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'
import { defaultTenantId } from './defaultTenant'
import { scopeFilter, userScopeFilter } from './tenantScope'

describe('tenant scope filter (over the real database)', () => {
  it('gives the default tenant the records stored before tenants (no tenantId), and nothing of another tenant', async () => {
    const other = new mongoose.Types.ObjectId()
    const legacy = await UnitModel.collection.insertOne({ name: '旧单位', level: 'district', path: [] })
    const stamped = await UnitModel.create({ name: '默认区', level: 'district', tenantId: defaultTenantId })
    const unstamped = await UnitModel.create({ name: '未标记区', level: 'district' })
    const foreign = await UnitModel.create({ name: '河东区', level: 'district', tenantId: other })
    const ids = async (filter: object) =>
      (await UnitModel.find(filter, { _id: 1 }).sort({ _id: 1 })).map((unit) => String(unit._id))
    const ours = [String(legacy.insertedId), stamped.id, unstamped.id]
    expect(await ids(scopeFilter({ tenantId: String(defaultTenantId) }))).toEqual(ours)
    expect(await ids(scopeFilter({ tenantId: String(other) }))).toEqual([foreign.id])
    expect(await ids(scopeFilter({ tenantId: null }))).toEqual([...ours, foreign.id])
    // Joined with a caller's own $or, the scope still holds.
    expect(
      await ids({
        ...scopeFilter({ tenantId: String(other) }),
        $or: [{ name: '河东区' }, { name: '旧单位' }],
      }),
    ).toEqual([foreign.id])
  })

  it('never hands a tenant admin a city-level admin or a resident to manage', async () => {
    const city = await buildUser({ role: 'admin' })
    const resident = await buildUser({ role: 'resident' })
    const staff = await buildUser({ role: 'staff' })
    const ids = (
      await UserModel.find(userScopeFilter({ tenantId: String(defaultTenantId) }), { _id: 1 })
    ).map((user) => String(user._id))
    expect(ids).toContain(staff.id)
    expect(ids).not.toContain(city.id)
    expect(ids).not.toContain(resident.id)
  })

  it("keeps a caller's own role condition, whichever side of the scope it is written on", async () => {
    const viewer = { tenantId: String(defaultTenantId) }
    const city = await buildUser({ role: 'admin' })
    const leader = await buildUser({ role: 'leader' })
    const staff = await buildUser({ role: 'staff' })
    const ids = async (filter: object) =>
      (await UserModel.find(filter, { _id: 1 }).sort({ _id: 1 })).map((user) => String(user._id))
    for (const filter of [
      { role: 'leader', ...userScopeFilter(viewer) },
      { ...userScopeFilter(viewer), role: 'leader' },
    ]) {
      const found = await ids(filter)
      expect(found).toContain(leader.id)
      expect(found).not.toContain(staff.id)
    }
    // Asking for admins never reaches the city-level one the scope excludes.
    expect(await ids({ ...userScopeFilter(viewer), role: 'admin' })).not.toContain(city.id)
  })

  it('lists no city-level admin to a tenant admin who filters GET /users by role or by name', async () => {
    const { request } = testApp()
    const city = await buildUser({ role: 'admin', name: '市级管理员' })
    const own = await buildUser({ role: 'leader', name: '本区领导' })
    const tenantAdmin = await loginAs(
      request,
      await buildUser({ role: 'admin', tenantId: String(defaultTenantId) }),
    )
    const auth = { Authorization: `Bearer ${tenantAdmin.accessToken}` }
    const listed = async (query: string) =>
      (
        (await request.get(`/api/v1/users?pageSize=100&${query}`).set(auth)).body.items as Array<{
          id: string
        }>
      ).map((user) => user.id)
    expect(await listed('role=admin')).not.toContain(city.id)
    expect(await listed(`q=${encodeURIComponent('市级')}`)).not.toContain(city.id)
    expect(await listed(`role=leader&q=${encodeURIComponent('本区')}`)).toEqual([own.id])
  })
})

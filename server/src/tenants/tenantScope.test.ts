import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { buildUser } from '../../test/factories'
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
})

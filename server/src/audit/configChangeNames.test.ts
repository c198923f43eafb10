import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('configuration audit as the 配置变更记录 page reads it', { timeout: 120_000 }, () => {
  it('names who made each change, and the unit of a changed account, so a row reads without ids', async () => {
    const { request } = testApp()
    const adminUser = await buildUser({ role: 'admin', name: '审计管理员' })
    const admin = bearer((await loginAs(request, adminUser)).accessToken)
    const unit = await buildUnit({ name: '名称街道' })
    const staff = await buildUser({ role: 'staff', name: '周干部', unitId: unit.id })
    expect(
      (await request.patch(`/api/v1/users/${staff.id}`).set(admin).send({ disabled: true })).status,
    ).toBe(200)
    const change = (
      await request.get(`/api/v1/audit/config-changes?entityType=user&entityId=${staff.id}`).set(admin)
    ).body.items[0]
    expect(change.actorName).toBe('审计管理员')
    // The account's own name stays masked in the record; its unit is named for the reader.
    expect(change.after.name).toBe('周**')
    expect(change.unitName).toBe('名称街道')
  })
})

import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs, testPassword } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { ConfigChangeModel } from '../audit/configChange.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { updateUser } from './updateUser'
import { UserModel } from './user.model'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('PATCH /users/:id', { timeout: 60_000 }, () => {
  it('edits name, role, unit, position and phone; the new phone logs in, the old one no longer', async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const unit = await buildUnit()
    const user = await buildUser({ role: 'staff', phone: '13700001111' })
    const answer = await request
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin.accessToken))
      .send({ name: '新名字', role: 'handler', unitId: unit.id, phone: '13700002222', positionLevel: null })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      name: '新名字',
      role: 'handler',
      unitId: unit.id,
      phone: '13700002222',
      positionLevel: null,
      disabled: false,
    })
    const oldPhone = await request
      .post('/api/v1/auth/login')
      .send({ phone: '13700001111', password: testPassword })
    expect(oldPhone.status).toBe(401)
    expect(
      (await request.post('/api/v1/auth/login').send({ phone: '13700002222', password: testPassword }))
        .status,
    ).toBe(200)

    const taken = await buildUser()
    const clash = await request
      .patch(`/api/v1/users/${user.id}`)
      .set(bearer(admin.accessToken))
      .send({ phone: taken.phone })
    expect(clash.status).toBe(409)
    expect(clash.body.error).toMatchObject({ code: 'DUPLICATE', issues: [{ path: 'phone' }] })

    const audit = await ConfigChangeModel.find({ entityType: 'user', entityId: user.id }).sort({
      at: -1,
      _id: -1,
    })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.before).toMatchObject({ role: 'staff', phone: '137****1111' })
    expect(audit[0]!.after).toMatchObject({ role: 'handler', phone: '137****2222', unitId: unit.id })
    expect(JSON.stringify(audit[0])).not.toContain('13700002222')
    expect(JSON.stringify(audit[0])).not.toContain('新名字')
  })

  it('keeps role and unit consistent: a unit role needs an existing, enabled unit', async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const resident = await buildUser({ role: 'resident' })
    const send = (body: object) =>
      request.patch(`/api/v1/users/${resident.id}`).set(bearer(admin.accessToken)).send(body)
    const noUnit = await send({ role: 'handler' })
    expect(noUnit.status).toBe(400)
    expect(noUnit.body.error.issues[0]).toMatchObject({ path: 'unitId', code: 'required' })
    const missing = await send({ role: 'handler', unitId: '0123456789abcdef01234567' })
    expect(missing.body.error.issues[0]).toMatchObject({ path: 'unitId', code: 'not_found' })
    const closed = await buildUnit()
    await UnitModel.updateOne({ _id: closed._id }, { $set: { disabled: true } })
    const disabledUnit = await send({ role: 'handler', unitId: closed.id })
    expect(disabledUnit.status).toBe(400)
    expect(disabledUnit.body.error.issues[0]).toMatchObject({ path: 'unitId', code: 'disabled' })
    const empty = await send({})
    expect(empty.status).toBe(400)
    const badRole = await send({ role: 'king' })
    expect(badRole.status).toBe(400)
    expect(badRole.body.error.issues[0].path).toBe('role')
  })

  it('an admin neither disables nor demotes themself; only admins edit', async () => {
    const { request } = testApp()
    const adminUser = await buildUser({ role: 'admin' })
    const admin = await loginAs(request, adminUser)
    for (const body of [{ disabled: true }, { role: 'leader', unitId: (await buildUnit()).id }]) {
      const answer = await request
        .patch(`/api/v1/users/${adminUser.id}`)
        .set(bearer(admin.accessToken))
        .send(body)
      expect(answer.status).toBe(409)
      expect(answer.body.error.code).toBe('SELF_CHANGE_REFUSED')
    }
    const renamed = await request
      .patch(`/api/v1/users/${adminUser.id}`)
      .set(bearer(admin.accessToken))
      .send({ name: '管理员甲' })
    expect(renamed.status).toBe(200)
    const leader = await loginAs(request, await buildUser({ role: 'leader' }))
    const denied = await request
      .patch(`/api/v1/users/${adminUser.id}`)
      .set(bearer(leader.accessToken))
      .send({ name: 'x' })
    expect(denied.status).toBe(403)
  })

  it('the last active admin cannot be disabled or demoted', async () => {
    const { deps } = testApp()
    const last = await buildUser({ role: 'admin' })
    const others = await UserModel.find(
      { role: 'admin', disabled: { $ne: true }, _id: { $ne: last._id } },
      { _id: 1 },
    )
    await UserModel.updateMany({ _id: { $in: others.map((row) => row._id) } }, { $set: { disabled: true } })
    try {
      // An actor that is not itself an active admin any more (a race, or the CLI).
      const actor: Viewer = { userId: '0123456789abcdef01234567', role: 'admin', unitId: null }
      await expect(updateUser(deps, actor, last.id, { disabled: true })).rejects.toMatchObject({
        code: 'LAST_ADMIN',
      })
      await expect(updateUser(deps, actor, last.id, { role: 'resident' })).rejects.toMatchObject({
        code: 'LAST_ADMIN',
      })
      const second = await buildUser({ role: 'admin' })
      await expect(updateUser(deps, actor, last.id, { disabled: true })).resolves.toBeTruthy()
      await expect(updateUser(deps, actor, second.id, { disabled: true })).rejects.toMatchObject({
        code: 'LAST_ADMIN',
      })
    } finally {
      await UserModel.updateMany(
        { _id: { $in: others.map((row) => row._id) } },
        { $set: { disabled: false } },
      )
    }
  })
})

describe('open work of a person, and handing it on', { timeout: 90_000 }, () => {
  it('lists owned open cases, future duty days and live pairs; an admin reassigns each', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const leader = world.districtLeader
    const successor = await buildUser({ role: 'leader', unitId: world.district.id })
    const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send({
      clientId: 'open-work-case-01',
      kind: 'complaint',
      categoryCode: 'culture.library',
      title: '书屋长期关闭',
      description: '书屋长期关闭无人管理',
    })
    expect(submitted.status).toBe(201)
    const owned = await request
      .post(`/api/v1/cases/${submitted.body.id}/transitions`)
      .set(leader.auth)
      .send({ action: 'takeOwnership' })
    expect(owned.status).toBe(200)
    const roster = await request
      .put('/api/v1/duty-roster')
      .set(world.admin.auth)
      .send({
        unitId: world.district.id,
        assignments: [
          { date: '2026-03-01', leaderId: leader.user.id },
          { date: '2026-03-09', leaderId: leader.user.id, place: '区信访大厅' },
        ],
      })
    expect(roster.status).toBeLessThan(300)
    const pair = await request
      .post('/api/v1/pairs')
      .set(leader.auth)
      .send({ household: { name: '王大爷', address: '幸福里3号' } })
    expect(pair.status).toBe(201)

    const work = await request.get(`/api/v1/users/${leader.user.id}/open-work`).set(world.admin.auth)
    expect(work.status).toBe(200)
    expect(work.body.ownedCases.map((item: { id: string }) => item.id)).toEqual([submitted.body.id])
    // 2026-03-01 is before the test clock's today (2026-03-02): not open work any more.
    expect(work.body.duties.map((item: { date: string }) => item.date)).toEqual(['2026-03-09'])
    expect(work.body.pairs.map((item: { id: string }) => item.id)).toEqual([pair.body.id])

    const reassign = (body: object) =>
      request.post(`/api/v1/users/${leader.user.id}/open-work/reassign`).set(world.admin.auth).send(body)
    const toHandler = await reassign({
      kind: 'case',
      id: submitted.body.id,
      toUserId: world.cultureHandler.user.id,
    })
    expect(toHandler.status).toBe(400)
    expect(toHandler.body.error.issues[0].path).toBe('toUserId')
    expect((await reassign({ kind: 'case', id: submitted.body.id, toUserId: successor.id })).status).toBe(200)
    expect(
      (await reassign({ kind: 'duty', id: work.body.duties[0].id, toUserId: successor.id })).status,
    ).toBe(200)
    expect((await reassign({ kind: 'pair', id: pair.body.id, toUserId: successor.id })).status).toBe(200)
    // Not theirs any more: a second hand-over of the same item is a 404.
    expect((await reassign({ kind: 'pair', id: pair.body.id, toUserId: successor.id })).status).toBe(404)

    const after = await request.get(`/api/v1/users/${leader.user.id}/open-work`).set(world.admin.auth)
    expect(after.body).toEqual({ ownedCases: [], duties: [], pairs: [] })
    const theirs = await request.get(`/api/v1/users/${successor.id}/open-work`).set(world.admin.auth)
    expect(theirs.body.ownedCases).toHaveLength(1)
    expect(theirs.body.duties).toHaveLength(1)
    expect(theirs.body.pairs).toHaveLength(1)
    // The case change went through the event log like any other.
    const detail = await request.get(`/api/v1/cases/${submitted.body.id}`).set(world.admin.auth)
    expect(detail.body.ownerLeaderId).toBe(successor.id)
    const events = await CaseEventModel.find({ caseId: submitted.body.id, action: 'takeOwnership' }).sort({
      seq: 1,
    })
    expect(events.map((event) => String(event.actor?.userId))).toEqual([leader.user.id, world.admin.user.id])
  })
})

import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('users and roles', () => {
  it('denies roles a route does not admit with 403 FORBIDDEN', async () => {
    const { request } = testApp()
    for (const role of ['staff', 'handler', 'resident'] as const) {
      const session = await loginAs(request, await buildUser({ role }))
      const response = await request.get('/api/v1/users').set(bearer(session.accessToken))
      expect(response.status).toBe(403)
      expect(response.body.error).toMatchObject({
        code: 'FORBIDDEN',
        messageEn: 'You are not allowed to do this',
      })
    }
  })

  it('masks phone numbers in lists, even for admins', async () => {
    const { request } = testApp()
    const unit = await buildUnit()
    const listed = await buildUser({ role: 'handler', unitId: unit.id, phone: '13912345678' })
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const response = await request.get(`/api/v1/users?unitId=${unit.id}`).set(bearer(admin.accessToken))
    expect(response.status).toBe(200)
    expect(response.body.items).toEqual([expect.objectContaining({ id: listed.id, phone: '139****5678' })])
    expect(JSON.stringify(response.body)).not.toContain('13912345678')
  })

  it("lets a leader see their own subtree's people, and no one else's", async () => {
    const { request } = testApp()
    const district = await buildUnit({ level: 'district' })
    const street = await buildUnit({ level: 'street', parentId: district.id })
    const otherDistrict = await buildUnit({ level: 'district' })
    const leader = await loginAs(request, await buildUser({ role: 'leader', unitId: district.id }))
    const inside = await buildUser({ role: 'staff', unitId: street.id, phone: '13922223333' })
    const outside = await buildUser({ role: 'staff', unitId: otherDistrict.id })

    const own = await request.get(`/api/v1/users/${inside.id}`).set(bearer(leader.accessToken))
    expect(own.status).toBe(200)
    expect(own.body.phone).toBe('13922223333')

    const foreign = await request.get(`/api/v1/users/${outside.id}`).set(bearer(leader.accessToken))
    expect(foreign.status).toBe(403)
    expect(foreign.body.error.code).toBe('FORBIDDEN')

    const list = await request.get('/api/v1/users').set(bearer(leader.accessToken))
    const ids = list.body.items.map((item: { id: string }) => item.id)
    expect(ids).toContain(inside.id)
    expect(ids).not.toContain(outside.id)

    const foreignList = await request
      .get(`/api/v1/users?unitId=${otherDistrict.id}`)
      .set(bearer(leader.accessToken))
    expect(foreignList.status).toBe(403)
  })

  it('answers 400 INVALID_ID-style validation for a malformed id and 404 for a missing one', async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const malformed = await request.get('/api/v1/users/not-an-id').set(bearer(admin.accessToken))
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.issues[0].path).toBe('id')
    const missing = await request.get('/api/v1/users/0123456789abcdef01234567').set(bearer(admin.accessToken))
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('NOT_FOUND')
  })

  it('lets an admin create accounts; a taken phone is 409 DUPLICATE', async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const unit = await buildUnit()
    const body = {
      phone: '13655556666',
      name: '新承办人',
      role: 'handler',
      password: 'long-enough-1',
      unitId: unit.id,
    }
    const created = await request.post('/api/v1/users').set(bearer(admin.accessToken)).send(body)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ role: 'handler', unitId: unit.id })
    const again = await request.post('/api/v1/users').set(bearer(admin.accessToken)).send(body)
    expect(again.status).toBe(409)
    expect(again.body.error).toMatchObject({ code: 'DUPLICATE', issues: [{ path: 'phone' }] })
    const noUnit = await request
      .post('/api/v1/users')
      .set(bearer(admin.accessToken))
      .send({ ...body, phone: '13655557777', unitId: undefined })
    expect(noUnit.status).toBe(400)
    expect(noUnit.body.error.issues[0].path).toBe('unitId')
  })
})

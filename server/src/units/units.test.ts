import { describe, expect, it } from 'vitest'
import { buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { canNest } from './unitTree'

describe('unit tree', () => {
  it('nests levels top-down; departments hang under any level but a grid', () => {
    expect(canNest('city', 'district')).toBe(true)
    expect(canNest('street', 'grid')).toBe(true)
    expect(canNest('grid', 'community')).toBe(false)
    expect(canNest('district', 'district')).toBe(false)
    expect(canNest('district', 'department')).toBe(true)
    expect(canNest('grid', 'department')).toBe(false)
    expect(canNest('department', 'grid')).toBe(false)
  })

  it('admins create units with their ancestor path; bad nesting is a 400 on the level field', async () => {
    const { request } = testApp()
    const admin = await loginAs(request, await buildUser({ role: 'admin' }))
    const auth = { Authorization: `Bearer ${admin.accessToken}` }
    const city = await request.post('/api/v1/units').set(auth).send({ name: '测试市', level: 'city' })
    expect(city.status).toBe(201)
    const district = await request
      .post('/api/v1/units')
      .set(auth)
      .send({ name: '测试区', level: 'district', parentId: city.body.id })
    expect(district.body.path).toEqual([city.body.id])
    const upward = await request
      .post('/api/v1/units')
      .set(auth)
      .send({ name: '错层', level: 'city', parentId: district.body.id })
    expect(upward.status).toBe(400)
    expect(upward.body.error.issues[0].path).toBe('level')

    const staff = await loginAs(request, await buildUser({ role: 'staff' }))
    const denied = await request
      .post('/api/v1/units')
      .set({ Authorization: `Bearer ${staff.accessToken}` })
      .send({ name: 'x', level: 'city' })
    expect(denied.status).toBe(403)
    const listed = await request.get('/api/v1/units').set({ Authorization: `Bearer ${staff.accessToken}` })
    expect(listed.body.units.map((unit: { name: string }) => unit.name)).toContain('测试区')
  })
})

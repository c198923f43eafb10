import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { testApp } from '../../test/testApp'

const here = { lat: 39.25, lng: 116.25, address: '幸福路口' }
const roadCase = (overrides: Record<string, unknown> = {}) =>
  caseBody({
    categoryCode: 'urban.road',
    title: '幸福路路灯坏了',
    description: '幸福路口的路灯坏了一个星期，晚上很黑',
    location: here,
    ...overrides,
  })

describe('possible duplicates, following and merging (并单)', () => {
  it('shows a resident the similar open case before submitting, and lets them follow it instead', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    // Only a case its resident made public can be followed (and found by other residents).
    const { body: original } = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(roadCase({ publicConsent: true }))

    const similar = await request
      .post('/api/v1/cases/similar')
      .set(world.otherResident.auth)
      .send({
        categoryCode: 'urban.road',
        title: '路灯不亮',
        description: '幸福路口路灯坏了，晚上很黑',
        location: { lat: 39.2502, lng: 116.2501 },
      })
    expect(similar.status).toBe(200)
    expect(similar.body.items[0]).toMatchObject({
      id: original.id,
      number: original.number,
      title: '幸福路路灯坏了',
    })
    expect(JSON.stringify(similar.body)).not.toContain('137')
    const elsewhere = await request
      .post('/api/v1/cases/similar')
      .set(world.otherResident.auth)
      .send({
        categoryCode: 'urban.road',
        title: '路灯不亮',
        description: '幸福路口路灯坏了',
        location: { lat: 39.35, lng: 116.25 },
      })
    expect(elsewhere.body.items).toEqual([])

    expect((await request.get(`/api/v1/cases/${original.id}`).set(world.otherResident.auth)).status).toBe(404)
    const followed = await request.post(`/api/v1/cases/${original.id}/follow`).set(world.otherResident.auth)
    expect(followed.status).toBe(200)
    expect(followed.body.contactPhone).toBeNull() // a follower sees the case, not the author's contact
    const mine = await request.get('/api/v1/cases').set(world.otherResident.auth)
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([original.id])

    // Followers hear about the case's public steps like its author.
    const moved = await request
      .post(`/api/v1/cases/${original.id}/transitions`)
      .set(world.admin.auth)
      .send({ action: 'transfer', unitId: world.housing.id, reason: '路灯归住建管理' })
    expect(moved.status).toBe(200)
    const notes = await request.get('/api/v1/notifications').set(world.otherResident.auth)
    expect(notes.body.items.map((item: { title: string }) => item.title)).toContain('诉求已移交')
  })

  it('the dispatcher sees duplicates of a case and merges one into the other; its resident follows the survivor', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: first } = await request.post('/api/v1/cases').set(world.resident.auth).send(roadCase())
    const { body: second } = await request
      .post('/api/v1/cases')
      .set(world.otherResident.auth)
      .send(roadCase({ title: '幸福路口路灯不亮', location: { lat: 39.2501, lng: 116.2501 } }))

    const candidates = await request.get(`/api/v1/cases/${second.id}/similar`).set(world.admin.auth)
    const candidateIds = candidates.body.items.map((item: { id: string }) => item.id)
    expect(candidateIds).toContain(first.id)
    expect(candidateIds).not.toContain(second.id)

    const toSelf = await request
      .post(`/api/v1/cases/${second.id}/transitions`)
      .set(world.admin.auth)
      .send({ action: 'merge', intoCaseId: second.id })
    expect(toSelf.status).toBe(400)
    expect(toSelf.body.error.issues[0].path).toBe('intoCaseId')
    const merged = await request
      .post(`/api/v1/cases/${second.id}/transitions`)
      .set(world.admin.auth)
      .send({ action: 'merge', intoCaseId: first.id })
    expect(merged.body).toMatchObject({ status: 'closed', closedReason: 'merged' })

    const survivorView = await request.get(`/api/v1/cases/${first.id}`).set(world.otherResident.auth)
    expect(survivorView.status).toBe(200)
    const adminView = await request.get(`/api/v1/cases/${first.id}`).set(world.admin.auth)
    expect(adminView.body.timeline.at(-1)).toMatchObject({ action: 'absorb', public: false })
    const notes = await request.get('/api/v1/notifications').set(world.otherResident.auth)
    expect(notes.body.items[0].title).toBe('诉求已与相同诉求合并办理')

    // Updates on the survivor now reach the merged resident too.
    const moved = await request
      .post(`/api/v1/cases/${first.id}/transitions`)
      .set(world.admin.auth)
      .send({ action: 'transfer', unitId: world.housing.id, reason: '路灯归住建管理' })
    expect(moved.status).toBe(200)
    const later = await request.get('/api/v1/notifications').set(world.otherResident.auth)
    expect(later.body.items[0].title).toBe('诉求已移交')
  })
})

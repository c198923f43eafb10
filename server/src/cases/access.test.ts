import { describe, expect, it, vi } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { CaseModel } from './case.model'

// Many requests per test against a real database: generous time when the machine is shared.
vi.setConfig({ testTimeout: 120_000 })

const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

type Request = ReturnType<typeof testApp>['request']
type World = Awaited<ReturnType<typeof caseWorld>>

/** Inside the world's grid, street and district areas. */
const exactLocation = { lat: 39.251234, lng: 116.251234, address: '幸福街道12号3单元' }
const personalDescription =
  '书屋两个月没开门，请联系我13912345678，身份证110101199003074512，我住幸福小区五号楼三单元二〇一室。'

async function guest(request: Request) {
  const answer = await request
    .post('/api/v1/auth/guest')
    .send({ deviceId: `device-${Math.random().toString(36).slice(2)}-abcdefghijklmnop` })
  expect(answer.status).toBe(200)
  return { id: answer.body.user.id as string, auth: { Authorization: `Bearer ${answer.body.accessToken}` } }
}

async function submit(request: Request, world: World, overrides: Record<string, unknown> = {}) {
  const photo = await request
    .post('/api/v1/files')
    .set(world.resident.auth)
    .attach('file', tinyPng, { filename: 'x.png', contentType: 'image/png' })
  const submitted = await request
    .post('/api/v1/cases')
    .set(world.resident.auth)
    .send(
      caseBody({
        description: personalDescription,
        location: exactLocation,
        photos: [photo.body.id],
        ...overrides,
      }),
    )
  expect(submitted.status).toBe(201)
  return { id: submitted.body.id as string, photoId: photo.body.id as string }
}

/** No field of a public view may carry what identifies or reaches the resident. */
function expectPublicView(body: Record<string, unknown>, photosShown: boolean) {
  const text = JSON.stringify(body)
  expect(body.contactPhone ?? null).toBeNull()
  expect(text).not.toContain('13712345678')
  expect(text).not.toContain('13912345678')
  expect(text).not.toContain('110101199003074512')
  expect(text).not.toContain('12号3单元')
  expect(text).not.toContain('五号楼三单元') // an address typed in the description
  expect(text).not.toContain('39.251234')
  expect(body.location).toMatchObject({ lat: 39.251, lng: 116.251 })
  expect(body.view).toBe('public')
  expect((body.photoUrls as string[]).length > 0).toBe(photosShown)
}

describe('followers read the public view only', () => {
  it('refuses to let anyone follow a non-consented or anonymous case, and hides it', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const visitor = await guest(request)
    const privateCase = await submit(request, world)
    const anonymousCase = await submit(request, world, { anonymous: true, publicConsent: true })
    for (const { id } of [privateCase, anonymousCase]) {
      for (const who of [world.otherResident.auth, visitor.auth]) {
        const follow = await request.post(`/api/v1/cases/${id}/follow`).set(who)
        expect(follow.status).toBe(404)
        expect(follow.body.error.code).toBe('NOT_FOUND')
        expect((await request.get(`/api/v1/cases/${id}`).set(who)).status).toBe(404)
      }
    }
    const stored = await CaseModel.find({ _id: { $in: [privateCase.id, anonymousCase.id] } })
    expect(stored.flatMap((record) => record.followers)).toEqual([])
  })

  it('lets a guest follow a consented case and then see only the public view, without its photos by token', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const visitor = await guest(request)
    const open = await submit(request, world, { publicConsent: true })
    await request
      .post(`/api/v1/cases/${open.id}/transitions`)
      .set(world.cultureHandler.auth)
      .send({ action: 'reply', message: '内部：联系13912345678', public: false })

    const follow = await request.post(`/api/v1/cases/${open.id}/follow`).set(visitor.auth)
    expect(follow.status).toBe(200)
    expectPublicView(follow.body, true)

    const detail = await request.get(`/api/v1/cases/${open.id}`).set(visitor.auth)
    expect(detail.status).toBe(200)
    expectPublicView(detail.body, true)
    expect(detail.body.description).toContain('[手机号]') // the shared stripper's placeholder
    expect(detail.body.timeline.map((event: { public: boolean }) => event.public)).not.toContain(false)
    // The public view's photo URL works; the token alone does not open the photo.
    expect((await request.get(detail.body.photoUrls[0])).status).toBe(200)
    expect((await request.get(`/api/v1/files/${open.photoId}`).set(visitor.auth)).status).toBe(404)

    const list = await request.get('/api/v1/cases').set(visitor.auth)
    const item = list.body.items.find((entry: { id: string }) => entry.id === open.id)
    expectPublicView(item, false)
  })

  it('shows a follower of a case that is not public (a merged duplicate) the public view without photos', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const privateCase = await submit(request, world)
    const follower = await loginAs(request, await buildUser({ role: 'resident' }))
    await CaseModel.updateOne({ _id: privateCase.id }, { $addToSet: { followers: follower.user.id } })
    const auth = { Authorization: `Bearer ${follower.accessToken}` }
    const detail = await request.get(`/api/v1/cases/${privateCase.id}`).set(auth)
    expect(detail.status).toBe(200)
    expectPublicView(detail.body, false)
    expect(detail.body.photos).toEqual([])
    expect((await request.get(`/api/v1/files/${privateCase.photoId}`).set(auth)).status).toBe(404)
  })
})

describe('similar cases stay in the district and respect consent', () => {
  it('offers residents only consented, non-anonymous cases of their own district, stripped', async () => {
    const { request } = testApp()
    const elsewhere = await caseWorld(request)
    const farCase = await submit(request, elsewhere, { publicConsent: true })
    // A second city at the same coordinates: the first one's areas are cleared by caseWorld.
    const world = await caseWorld(request)
    const consented = await submit(request, world, { publicConsent: true })
    const anonymous = await submit(request, world, { publicConsent: true, anonymous: true })
    const privateCase = await submit(request, world)
    const question = {
      categoryCode: 'culture.library',
      title: '农家书屋不开门',
      description: personalDescription,
      location: exactLocation,
    }

    const asResident = await request
      .post('/api/v1/cases/similar')
      .set(world.otherResident.auth)
      .send(question)
    expect(asResident.status).toBe(200)
    const ids = asResident.body.items.map((item: { id: string }) => item.id)
    expect(ids).toContain(consented.id)
    expect(ids).not.toContain(anonymous.id)
    expect(ids).not.toContain(privateCase.id)
    expect(ids).not.toContain(farCase.id)
    expect(JSON.stringify(asResident.body)).not.toContain('13912345678')

    // The culture bureau reads its own cases fully, so it is shown them all (still in its district).
    const asHandler = await request
      .post('/api/v1/cases/similar')
      .set(world.cultureHandler.auth)
      .send(question)
    const handlerIds = asHandler.body.items.map((item: { id: string }) => item.id)
    expect(handlerIds).toEqual(expect.arrayContaining([consented.id, anonymous.id, privateCase.id]))
    expect(handlerIds).not.toContain(farCase.id)

    // The dispatcher merging duplicates of a case sees those of the case's district only.
    const ofCase = await request.get(`/api/v1/cases/${consented.id}/similar`).set(world.admin.auth)
    const caseIds = ofCase.body.items.map((item: { id: string }) => item.id)
    expect(caseIds).toEqual(expect.arrayContaining([anonymous.id, privateCase.id]))
    expect(caseIds).not.toContain(farCase.id)

    // Without a place, the district is that of the unit the case would be routed to...
    const { location: _unused, ...unlocated } = question
    const routed = await request.post('/api/v1/cases/similar').set(world.otherResident.auth).send(unlocated)
    const routedIds = routed.body.items.map((item: { id: string }) => item.id)
    expect(routedIds).toContain(consented.id)
    expect(routedIds).not.toContain(farCase.id)
    expect(routedIds).not.toContain(privateCase.id)
    // ...and with neither place nor routing (and several top-level units) there is none to search.
    const nowhere = await request
      .post('/api/v1/cases/similar')
      .set(world.otherResident.auth)
      .send({ ...unlocated, categoryCode: 'urban.road' })
    expect(nowhere.body.items).toEqual([])
  })
})

describe('anonymous complainants stay anonymous to staff', () => {
  it('never shows the resident id of an anonymous case to handlers, leaders or admins', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const anonymous = await submit(request, world, { anonymous: true })
    const residentId = String(world.resident.user._id)
    await request
      .post(`/api/v1/cases/${anonymous.id}/transitions`)
      .set(world.resident.auth)
      .send({ action: 'addInfo', message: '补充：周末也不开' })
    for (const who of [world.cultureHandler, world.districtLeader, world.admin]) {
      const detail = await request.get(`/api/v1/cases/${anonymous.id}`).set(who.auth)
      expect(detail.status).toBe(200)
      expect(detail.body.contactPhone).toBeNull()
      expect(detail.body.contactAvailable).toBe(false)
      expect(JSON.stringify(detail.body)).not.toContain(residentId)
      const list = await request.get('/api/v1/cases?pageSize=100').set(who.auth)
      expect(JSON.stringify(list.body)).not.toContain(residentId)
      const inbox = await request.get('/api/v1/notifications').set(who.auth)
      expect(JSON.stringify(inbox.body)).not.toContain(residentId)
      const contact = await request.get(`/api/v1/cases/${anonymous.id}/contact`).set(who.auth)
      expect(contact.status).toBe(403)
      expect(contact.body.error.code).toBe('FORBIDDEN')
    }
    const board = await request.get('/api/v1/supervision/board').set(world.admin.auth)
    expect(JSON.stringify(board.body)).not.toContain(residentId)
    // The resident still sees their own case in full.
    const own = await request.get(`/api/v1/cases/${anonymous.id}`).set(world.resident.auth)
    expect(own.body.contactPhone).toBe('13712345678')
  })

  it('keeps resident ids out of staff timelines on named cases too (an id turns into a name and phone)', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const named = await submit(request, world)
    const detail = await request.get(`/api/v1/cases/${named.id}`).set(world.admin.auth)
    expect(JSON.stringify(detail.body.timeline)).not.toContain(String(world.resident.user._id))
    // Staff actors stay visible to staff.
    await request
      .post(`/api/v1/cases/${named.id}/transitions`)
      .set(world.cultureHandler.auth)
      .send({ action: 'accept' })
    const after = await request.get(`/api/v1/cases/${named.id}`).set(world.admin.auth)
    const accept = after.body.timeline.find((event: { action: string }) => event.action === 'accept')
    expect(accept.actor.userId).toBe(String(world.cultureHandler.user._id))
  })
})

describe('contact details on explicit, audited request', () => {
  it('masks the phone in the detail and shows it in full only through GET /cases/:id/contact, logged', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const named = await submit(request, world)
    const detail = await request.get(`/api/v1/cases/${named.id}`).set(world.cultureHandler.auth)
    expect(detail.body.contactPhone).toBe('137****5678')
    expect(detail.body.contactAvailable).toBe(true)

    const contact = await request.get(`/api/v1/cases/${named.id}/contact`).set(world.cultureHandler.auth)
    expect(contact.status).toBe(200)
    expect(contact.body).toEqual({ phone: '13712345678', name: '测试用户' })
    const byLeader = await request.get(`/api/v1/cases/${named.id}/contact`).set(world.districtLeader.auth)
    expect(byLeader.status).toBe(200)

    // Not the housing bureau, not a leader of another district, not residents.
    const otherDistrict = await buildUnit({ level: 'district' })
    const outsider = await loginAs(request, await buildUser({ role: 'leader', unitId: otherDistrict.id }))
    for (const auth of [world.housingHandler.auth, { Authorization: `Bearer ${outsider.accessToken}` }]) {
      expect((await request.get(`/api/v1/cases/${named.id}/contact`).set(auth)).status).toBe(404)
    }
    expect(
      (await request.get(`/api/v1/cases/${named.id}/contact`).set(world.otherResident.auth)).status,
    ).toBe(403)

    const log = await request.get(`/api/v1/audit/contact-views?caseId=${named.id}`).set(world.admin.auth)
    expect(log.status).toBe(200)
    expect(log.body.total).toBe(2)
    expect(log.body.items[0]).toMatchObject({
      caseId: named.id,
      viewerId: String(world.districtLeader.user._id),
      viewerRole: 'leader',
      fields: ['phone', 'name'],
    })
    expect(JSON.stringify(log.body)).not.toContain('13712345678')
    const byViewer = await request
      .get(`/api/v1/audit/contact-views?viewerId=${String(world.cultureHandler.user._id)}`)
      .set(world.admin.auth)
    expect(byViewer.body.items.map((item: { caseId: string }) => item.caseId)).toEqual([named.id])
    const page2 = await request
      .get(`/api/v1/audit/contact-views?caseId=${named.id}&page=2&pageSize=1`)
      .set(world.admin.auth)
    expect(page2.body).toMatchObject({ total: 2, page: 2, pageSize: 1 })
    expect(page2.body.items[0].viewerRole).toBe('handler')
    expect((await request.get('/api/v1/audit/contact-views').set(world.districtLeader.auth)).status).toBe(403)
  })
})

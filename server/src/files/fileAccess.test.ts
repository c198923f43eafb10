import mongoose from 'mongoose'
import { describe, expect, it, vi } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { backfillFileOwners } from './fileOwners'

// Many requests per test against a real database: generous time when the machine is shared.
vi.setConfig({ testTimeout: 120_000 })

const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
type Request = ReturnType<typeof testApp>['request']
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })
const fileMetadata = async (id: string) =>
  (await mongoose.connection
    .db!.collection('photos.files')
    .findOne({ _id: new mongoose.Types.ObjectId(id) }))!.metadata as {
    owners?: Array<{ kind: string; id: string }>
  }

async function upload(request: Request, auth: Record<string, string>) {
  const answer = await request.post('/api/v1/files').set(auth).attach('file', tinyPng, 'x.png')
  expect(answer.status).toBe(201)
  return answer.body.id as string
}

async function strangers(request: Request) {
  const otherDistrict = await buildUnit({ level: 'district' })
  const department = await buildUnit({ level: 'department', parentId: otherDistrict.id })
  const as = async (role: 'handler' | 'leader' | 'staff', unitId: string) =>
    bearer((await loginAs(request, await buildUser({ role, unitId }))).accessToken)
  return {
    handler: await as('handler', department.id),
    leader: await as('leader', otherDistrict.id),
    staff: await as('staff', otherDistrict.id),
  }
}

describe('photos are read by whoever may read their case or visit', () => {
  it('serves a case photo by token to the case readers only, thumbnails included', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const photo = await upload(request, world.resident.auth)
    const submitted = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ photos: [photo] }))
    expect(submitted.status).toBe(201)
    const get = (auth: Record<string, string>, variant = 'original') =>
      request.get(`/api/v1/files/${photo}?variant=${variant}`).set(auth)

    for (const reader of [world.resident, world.cultureHandler, world.districtLeader, world.admin])
      expect((await get(reader.auth)).status).toBe(200)
    const outside = await strangers(request)
    for (const auth of [
      world.housingHandler.auth,
      world.otherResident.auth,
      outside.handler,
      outside.leader,
      outside.staff,
    ]) {
      const answer = await get(auth)
      expect(answer.status).toBe(404)
      expect(answer.body.error.code).toBe('NOT_FOUND')
      expect((await get(auth, 'thumbnail')).status).toBe(404)
    }
  })

  it('keeps an upload not yet attached to anything for its uploader (ids cannot be bracketed)', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const before = await upload(request, world.otherResident.auth)
    const victim = await upload(request, world.resident.auth)
    const after = await upload(request, world.otherResident.auth)
    expect(before < victim && victim < after).toBe(true)
    expect((await request.get(`/api/v1/files/${victim}`).set(world.resident.auth)).status).toBe(200)
    for (const who of [world.cultureHandler, world.districtLeader, world.admin, world.otherResident])
      expect((await request.get(`/api/v1/files/${victim}`).set(who.auth)).status).toBe(404)
  })

  it('serves a visit photo to the visit author and the leaders above, nobody else', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const author = bearer(
      (await loginAs(request, await buildUser({ role: 'staff', unitId: world.street.id }))).accessToken,
    )
    const colleague = bearer(
      (await loginAs(request, await buildUser({ role: 'staff', unitId: world.street.id }))).accessToken,
    )
    const photo = await upload(request, author)
    const synced = await request
      .post('/api/v1/visits/sync')
      .set(author)
      .send({
        visits: [
          {
            clientId: 'photo-visit-1',
            visitedAt: '2026-03-02T09:00:00+08:00',
            household: { name: '甲', address: '乙' },
            purposes: ['visiting'],
            photos: [photo],
          },
        ],
      })
    expect(synced.body.results[0].status).not.toBe('rejected')
    for (const auth of [author, world.districtLeader.auth, world.admin.auth])
      expect((await request.get(`/api/v1/files/${photo}`).set(auth)).status).toBe(200)
    const outside = await strangers(request)
    for (const auth of [colleague, world.cultureHandler.auth, outside.leader, outside.staff])
      expect((await request.get(`/api/v1/files/${photo}`).set(auth)).status).toBe(404)
  })

  it('serves the photo of a public step to the resident, but not that of an internal one', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const url = `/api/v1/cases/${created.id}/transitions`
    await request.post(url).set(world.cultureHandler.auth).send({ action: 'accept' })
    const internal = await upload(request, world.cultureHandler.auth)
    const fixed = await upload(request, world.cultureHandler.auth)
    await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'reply', message: '内部照片', public: false, attachments: [internal] })
    await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'resolve', message: '已修好', attachments: [fixed] })
    expect((await request.get(`/api/v1/files/${fixed}`).set(world.resident.auth)).status).toBe(200)
    expect((await request.get(`/api/v1/files/${internal}`).set(world.resident.auth)).status).toBe(404)
    expect((await request.get(`/api/v1/files/${internal}`).set(world.districtLeader.auth)).status).toBe(200)
    expect((await request.get(`/api/v1/files/${fixed}`).set(world.housingHandler.auth)).status).toBe(404)
  })

  it('derives the owner of files stored before owners were recorded, on first read and in a backfill', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const first = await upload(request, world.resident.auth)
    const second = await upload(request, world.resident.auth)
    const { body: created } = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ photos: [first, second] }))
    expect((await fileMetadata(first)).owners).toBeUndefined()

    expect((await request.get(`/api/v1/files/${first}`).set(world.cultureHandler.auth)).status).toBe(200)
    expect((await fileMetadata(first)).owners).toEqual([{ kind: 'case', id: created.id }])

    expect(await backfillFileOwners()).toBeGreaterThanOrEqual(1)
    expect((await fileMetadata(second)).owners).toEqual([{ kind: 'case', id: created.id }])
    expect((await request.get(`/api/v1/files/${second}`).set(world.housingHandler.auth)).status).toBe(404)
  })
})

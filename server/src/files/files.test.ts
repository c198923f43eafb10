import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'

export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const countStoredFiles = () => mongoose.connection.db!.collection('photos.files').countDocuments()
const countChunks = () => mongoose.connection.db!.collection('photos.chunks').countDocuments()

describe('photo uploads', () => {
  it('stores a real PNG, serves it to its owner, and lets a case use it', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const uploaded = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', tinyPng, { filename: 'x.png', contentType: 'image/png' })
    expect(uploaded.status).toBe(201)
    expect(uploaded.body).toMatchObject({ contentType: 'image/png', size: tinyPng.length })
    const download = await request
      .get(`/api/v1/files/${uploaded.body.id}`)
      .set(world.resident.auth)
      .buffer(true)
    expect(download.status).toBe(200)
    expect(Buffer.compare(download.body as Buffer, tinyPng)).toBe(0)
    expect(
      (await request.get(`/api/v1/files/${uploaded.body.id}`).set(world.otherResident.auth)).status,
    ).toBe(404)

    const submitted = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ photos: [uploaded.body.id] }))
    expect(submitted.status).toBe(201)
    expect(submitted.body.photos).toEqual([uploaded.body.id])
    const stolen = await request
      .post('/api/v1/cases')
      .set(world.otherResident.auth)
      .send(caseBody({ photos: [uploaded.body.id] }))
    expect(stolen.status).toBe(400)
    expect(stolen.body.error.issues[0].path).toBe('photos')
  })

  it('refuses wrong magic bytes, empty and oversized files, and leaves nothing behind', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const before = { files: await countStoredFiles(), chunks: await countChunks() }

    const fake = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', Buffer.from('GIF89a not really'), { filename: 'a.png', contentType: 'image/png' })
    expect(fake.status).toBe(415)
    expect(fake.body.error.code).toBe('UNSUPPORTED_FILE_TYPE')

    const script = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', Buffer.from('<script>alert(1)</script>'), 'a.jpg')
    expect(script.status).toBe(415)

    const empty = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', Buffer.alloc(0), 'empty.png')
    expect(empty.status).toBe(400)

    const huge = Buffer.concat([tinyPng, Buffer.alloc(10 * 1024 * 1024 + 1)])
    const oversize = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', huge, 'big.png')
    expect(oversize.status).toBe(413)
    expect(oversize.body.error.code).toBe('PAYLOAD_TOO_LARGE')

    const noFile = await request.post('/api/v1/files').set(world.resident.auth).field('note', 'x')
    expect(noFile.status).toBe(400)
    const json = await request.post('/api/v1/files').set(world.resident.auth).send({ file: 'x' })
    expect(json.status).toBe(415)

    expect(await countStoredFiles()).toBe(before.files)
    expect(await countChunks()).toBe(before.chunks)
  })
})

describe('signed photo URLs', () => {
  it('hands readers of a case a signed URL that works without a token, and only for that file and time', async () => {
    const clock = manualClock()
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    const uploaded = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', tinyPng, 'x.png')
    const { body: created } = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ photos: [uploaded.body.id] }))
    const detail = await request.get(`/api/v1/cases/${created.id}`).set(world.cultureHandler.auth)
    const url = detail.body.photoUrls[0] as string
    expect(url).toMatch(new RegExp(`^/api/v1/files/${uploaded.body.id}\\?expires=\\d+&sig=`))

    const fetched = await request.get(url).buffer(true)
    expect(fetched.status).toBe(200)
    expect(fetched.headers['content-type']).toBe('image/png')
    expect((await request.get(url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(401)
    expect((await request.get(`/api/v1/files/${uploaded.body.id}`)).status).toBe(401)
    clock.advance(2 * 3600_000)
    expect((await request.get(url)).status).toBe(401)
  })
})

describe('thumbnails and damaged images', () => {
  it('makes a thumbnail at most 320 px, served with the same signed URL plus variant=thumbnail', async () => {
    const { default: sharp } = await import('sharp')
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#2a7' } })
      .jpeg()
      .toBuffer()
    const { request } = testApp()
    const world = await caseWorld(request)
    const uploaded = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', photo, 'big.jpg')
    expect(uploaded.status).toBe(201)
    const { body: created } = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ photos: [uploaded.body.id] }))
    const detail = await request.get(`/api/v1/cases/${created.id}`).set(world.resident.auth)
    const thumb = await request.get(detail.body.photoThumbUrls[0]).buffer(true)
    expect(thumb.status).toBe(200)
    expect(thumb.headers['content-type']).toBe('image/jpeg')
    const info = await sharp(thumb.body as Buffer).metadata()
    expect([info.width, info.height]).toEqual([320, 240])
    const original = await request.get(detail.body.photoUrls[0]).buffer(true)
    expect((original.body as Buffer).length).toBe(photo.length)
    // A thumbnail's own id cannot be attached to a case as a photo.
    const thumbId = (await mongoose.connection
      .db!.collection('photos.files')
      .findOne({ 'metadata.variant': 'thumbnail' }))!._id
    const sneaky = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ photos: [String(thumbId)] }))
    expect(sneaky.status).toBe(400)
  })

  it('refuses a truncated image with a clear 400 and stores nothing', async () => {
    const { default: sharp } = await import('sharp')
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a27' } })
      .jpeg()
      .toBuffer()
    const { request } = testApp()
    const world = await caseWorld(request)
    const before = await countStoredFiles()
    const cut = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', photo.subarray(0, Math.floor(photo.length / 2)), 'cut.jpg')
    expect(cut.status).toBe(400)
    expect(cut.body.error.issues[0]).toMatchObject({ path: 'file', code: 'corrupt' })
    expect(await countStoredFiles()).toBe(before)
  })
})

describe('photos of the fix', () => {
  it('a handler attaches their own photo to the resolution; the resident sees it in the timeline', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const url = `/api/v1/cases/${created.id}/transitions`
    await request.post(url).set(world.cultureHandler.auth).send({ action: 'accept' })
    const mine = await request
      .post('/api/v1/files')
      .set(world.cultureHandler.auth)
      .attach('file', tinyPng, 'fixed.png')
    const theirs = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .attach('file', tinyPng, 'x.png')

    const borrowed = await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'resolve', message: '已修好', attachments: [theirs.body.id] })
    expect(borrowed.status).toBe(400)
    expect(borrowed.body.error.issues[0].path).toBe('attachments')

    const resolved = await request
      .post(url)
      .set(world.cultureHandler.auth)
      .send({ action: 'resolve', message: '已修好', attachments: [mine.body.id] })
    expect(resolved.status).toBe(200)
    const view = await request.get(`/api/v1/cases/${created.id}`).set(world.resident.auth)
    const resolveEvent = view.body.timeline.find((event: { action: string }) => event.action === 'resolve')
    expect(resolveEvent.attachments).toEqual([mine.body.id])
    const photo = await request.get(resolveEvent.attachmentUrls[0]).buffer(true)
    expect(photo.status).toBe(200)
  })
  it('answers a malformed multipart body with 400, not 500 (found by the fuzzer)', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const before = await countStoredFiles()
    const answer = await request
      .post('/api/v1/files')
      .set(world.resident.auth)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\u0089PNG')
    expect(answer.status).toBe(400)
    expect(answer.body.error.issues[0].code).toBe('malformed')
    expect(await countStoredFiles()).toBe(before)
  })
})

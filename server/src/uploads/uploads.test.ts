import mongoose from 'mongoose'
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { UploadChunkModel } from './upload.model'

const chunkBytes = 256 * 1024
let servers: http.Server[] = []
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  servers = []
})

/** A noisy photo big enough for three chunks (noise does not compress). */
async function bigPhoto(): Promise<Buffer> {
  const pixels = randomBytes(500 * 500 * 3)
  const photo = await sharp(pixels, { raw: { width: 500, height: 500, channels: 3 } })
    .png()
    .toBuffer()
  expect(photo.length).toBeGreaterThan(2 * chunkBytes)
  return photo
}

async function staffAuth(request: ReturnType<typeof testApp>['request']) {
  const user = await buildUser({ role: 'staff' })
  const session = await loginAs(request, user)
  return { Authorization: `Bearer ${session.accessToken}` }
}

/** Signals of the test's outermost middleware for the request sent with `X-Test-Cut`. */
interface CutSignals {
  /** The request reached the app (its headers are in; its body is still arriving). */
  arrived: Promise<void>
  /** The app has finished with the request (answered or failed). */
  handled: Promise<void>
}

/** An outermost middleware that reports when the cut request arrives and when the app is done with it. */
function watchCutRequest(app: ReturnType<typeof testApp>['app']): CutSignals {
  let arrived!: () => void
  let handled!: () => void
  const signals = {
    arrived: new Promise<void>((resolve) => (arrived = resolve)),
    handled: new Promise<void>((resolve) => (handled = resolve)),
  }
  app.middleware.unshift(async (ctx, next) => {
    if (!ctx.get('X-Test-Cut')) return next()
    arrived()
    try {
      await next()
    } finally {
      handled()
    }
  })
  return signals
}

/**
 * Sends part of a chunk over a real socket and drops the connection once the server is reading
 * the request, as a phone losing signal; resolves when the server is done with it. No fixed wait:
 * a timed cut may come before the request reached the server on a slow machine (and test nothing),
 * and the server may still be handling the cut when the test looks at what was kept.
 */
async function cutChunk(port: number, path: string, auth: string, chunk: Buffer, signals: CutSignals) {
  await new Promise<void>((resolve) => {
    const request = http.request({
      port,
      path,
      method: 'PUT',
      headers: {
        Authorization: auth,
        'Content-Type': 'application/octet-stream',
        'Content-Length': chunk.length,
        'X-Test-Cut': '1',
      },
    })
    request.on('error', () => resolve())
    const written = new Promise((sent) => request.write(chunk.subarray(0, chunk.length / 2), sent))
    void Promise.all([written, signals.arrived]).then(() => request.destroy())
    request.on('close', () => resolve())
  })
  await signals.handled
}

describe('resumable photo uploads', () => {
  it('resumes after a cut from what the server received, and ends with a stored photo', async () => {
    const { app, request, logLines } = testApp()
    const auth = await staffAuth(request)
    const photo = await bigPhoto()
    const started = await request
      .post('/api/v1/uploads')
      .set(auth)
      .send({ clientId: 'photo-0001-abc', size: photo.length })
    expect(started.status).toBe(201)
    expect(started.body).toMatchObject({ received: 0, status: 'receiving', chunkBytes })
    const id = started.body.id as string
    const put = (offset: number, end = offset + chunkBytes) =>
      request
        .put(`/api/v1/uploads/${id}?offset=${offset}`)
        .set(auth)
        .set('Content-Type', 'application/octet-stream')
        .send(photo.subarray(offset, Math.min(end, photo.length)))

    expect((await put(0)).body.received).toBe(chunkBytes)
    // The second chunk is cut off halfway over a real socket.
    const signals = watchCutRequest(app)
    const server = app.listen(0)
    servers.push(server)
    const port = (server.address() as AddressInfo).port
    await cutChunk(
      port,
      `/api/v1/uploads/${id}?offset=${chunkBytes}`,
      auth.Authorization,
      photo.subarray(chunkBytes, 2 * chunkBytes),
      signals,
    )
    const status = await request.get(`/api/v1/uploads/${id}`).set(auth)
    expect(status.body.received).toBe(chunkBytes) // nothing of the cut chunk was kept
    expect(logLines.filter((line) => line.includes('"level":50'))).toEqual([]) // a cut is not a server error

    // A retried start finds the same upload; a chunk from the wrong place is refused with where to resume.
    const again = await request
      .post('/api/v1/uploads')
      .set(auth)
      .send({ clientId: 'photo-0001-abc', size: photo.length })
    expect(again.body.id).toBe(id)
    const skipped = await put(2 * chunkBytes)
    expect(skipped.status).toBe(409)
    expect(skipped.body.error).toMatchObject({
      code: 'UPLOAD_OFFSET_MISMATCH',
      details: { received: chunkBytes },
    })
    // A chunk sent twice (its answer was lost) is acknowledged without being written again.
    expect((await put(0)).body.received).toBe(chunkBytes)

    let answer = await put(chunkBytes)
    while (answer.body.status === 'receiving') answer = await put(answer.body.received)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ status: 'complete', received: photo.length })
    const download = await request.get(`/api/v1/files/${answer.body.fileId}`).set(auth).buffer(true)
    expect(Buffer.compare(download.body as Buffer, photo)).toBe(0)
    expect(await UploadChunkModel.countDocuments({ uploadId: id })).toBe(0)
  })

  it('refuses what is not an image, empty starts, other people’s uploads; leaves nothing behind', async () => {
    const { request } = testApp()
    const storedFiles = () => mongoose.connection.db!.collection('photos.files').countDocuments()
    const filesBefore = await storedFiles()
    const auth = await staffAuth(request)
    const other = await staffAuth(request)
    expect(
      (await request.post('/api/v1/uploads').set(auth).send({ clientId: 'empty-0001', size: 0 })).status,
    ).toBe(400)
    const huge = await request
      .post('/api/v1/uploads')
      .set(auth)
      .send({ clientId: 'huge-00001', size: 11 * 1024 * 1024 })
    expect(huge.status).toBe(400) // over 10 MB is refused before a byte is sent
    const text = Buffer.from('this is not an image at all, just text')
    const started = await request
      .post('/api/v1/uploads')
      .set(auth)
      .send({ clientId: 'text-0001-x', size: text.length })
    expect((await request.get(`/api/v1/uploads/${started.body.id}`).set(other)).status).toBe(404)
    const sent = await request
      .put(`/api/v1/uploads/${started.body.id}?offset=0`)
      .set(auth)
      .set('Content-Type', 'application/octet-stream')
      .send(text)
    expect(sent.status).toBe(415)
    expect(sent.body.error.code).toBe('UNSUPPORTED_FILE_TYPE')
    expect((await request.get(`/api/v1/uploads/${started.body.id}`).set(auth)).body.status).toBe('failed')
    expect(await UploadChunkModel.countDocuments({ uploadId: started.body.id })).toBe(0)
    expect(await storedFiles()).toBe(filesBefore)
    const json = await request.put(`/api/v1/uploads/${started.body.id}?offset=0`).set(auth).send({ a: 1 })
    expect(json.status).toBe(415)
    const changed = await request
      .post('/api/v1/uploads')
      .set(auth)
      .send({ clientId: 'text-0001-x', size: 99 })
    expect(changed.status).toBe(409)
  })
})

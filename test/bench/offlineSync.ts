import { AppError } from '@minqing/shared'
import mongoose from 'mongoose'
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import sharp from 'sharp'
import { upsertVisit, type LocalVisit } from '../../miniapp/src/visits/queue'
import { createSyncEngine, type SyncApi } from '../../miniapp/src/visits/syncEngine'
import { apiLogin, startServer } from '../support/server'
import { lossyProxy } from './lossyProxy'

/**
 * 500 visits recorded offline (25 of them with a ~300 KB photo) synced by the mini-app's own sync
 * engine through a proxy that delays every chunk and cuts a share of the connections. The engine
 * is simply run again whenever the network "drops", as the app does when it comes back.
 */
export async function benchOfflineSync(
  mongoUri: string,
  options = { visits: 500, photos: 25, maxLifeMs: 1500, maxDelayMs: 30 },
) {
  const server = await startServer(mongoUri, { LOG_LEVEL: 'error' })
  const target = new URL(server.baseUrl)
  const proxy = await lossyProxy({ host: target.hostname, port: Number(target.port) }, options)
  const base = `http://127.0.0.1:${proxy.port}/api/v1`
  try {
    const login = await apiLogin(server.baseUrl, '13800000004')
    const call = async (method: string, path: string, body: unknown, contentType = 'application/json') => {
      let response: Response
      try {
        response = await fetch(`${base}${path}`, {
          method,
          headers: { 'content-type': contentType, Authorization: `Bearer ${login.accessToken}` },
          body: body instanceof ArrayBuffer ? Buffer.from(body) : JSON.stringify(body),
          signal: AbortSignal.timeout(5_000),
        })
      } catch (cause) {
        throw new AppError('NETWORK_ERROR', { cause })
      }
      const data = await response.json().catch(() => null)
      if (!response.ok) throw data ? AppError.fromBody(data) : new AppError('NETWORK_ERROR')
      return data
    }
    const api: SyncApi = {
      startUpload: (clientId, size) => call('POST', '/uploads', { clientId, size }),
      putChunk: (id, offset, data) =>
        call('PUT', `/uploads/${id}?offset=${offset}`, data, 'application/octet-stream'),
      syncVisits: async (visits) =>
        ((await call('POST', '/visits/sync', { visits })) as { results: never }).results,
    }
    const photos = new Map<string, Buffer>()
    for (let i = 0; i < options.photos; i++) {
      const pixels = randomBytes(300 * 300 * 3)
      photos.set(
        `photo-${i}`,
        await sharp(pixels, { raw: { width: 300, height: 300, channels: 3 } })
          .jpeg({ quality: 95 })
          .toBuffer(),
      )
    }
    let queue: LocalVisit[] = []
    const day = new Date(Date.now() - 86_400_000).toISOString()
    for (let i = 0; i < options.visits; i++) {
      const photo = i < options.photos ? photos.get(`photo-${i}`)! : null
      queue = upsertVisit(
        queue,
        {
          clientId: `bench-sync-${String(i).padStart(4, '0')}`,
          form: {
            visitedAt: day,
            companions: [],
            household: { name: `户${i}`, address: `幸福村${i % 30}组${i}号`, tags: [] },
            purposes: ['visiting'],
            notes: `第${i}户走访记录`,
            followUp: { needed: false },
            problems: [],
            followedUpCaseIds: [],
          },
          photos: photo ? [{ key: `bench-photo-${i}`, ref: `photo-${i}`, size: photo.length }] : [],
        },
        true,
        new Date(),
      )
    }
    const store = { load: () => queue, save: (next: LocalVisit[]) => void (queue = next) }
    const engine = createSyncEngine({
      api,
      photos: {
        read: async (ref, offset, length) =>
          new Uint8Array(photos.get(ref)!.subarray(offset, offset + length)).buffer,
      },
      store,
      batchSize: 50,
    })
    const started = performance.now()
    let runs = 0
    while (queue.some((visit) => visit.state !== 'synced') && performance.now() - started < 120_000) {
      runs++
      await engine.sync(true)
    }
    const seconds = (performance.now() - started) / 1000
    const connection = await mongoose.createConnection(server.mongoUri).asPromise()
    try {
      const db = connection.db!
      const stored = await db.collection('visits').countDocuments({ clientId: { $regex: '^bench-sync-' } })
      const files = await db
        .collection('photos.files')
        .countDocuments({ 'metadata.uploadedBy': login.user.id, 'metadata.variant': { $ne: 'thumbnail' } })
      return {
        visits: options.visits,
        photos: options.photos,
        seconds: Number(seconds.toFixed(2)),
        engineRuns: runs,
        synced: queue.filter((visit) => visit.state === 'synced').length,
        storedVisits: stored,
        duplicates:
          stored - new Set(queue.map((visit) => visit.clientId)).size + Math.max(0, files - options.photos),
        storedPhotos: files,
        proxy: { ...proxy.stats(), maxLifeMs: options.maxLifeMs, maxDelayMs: options.maxDelayMs },
      }
    } finally {
      await connection.close()
    }
  } finally {
    await proxy.close()
    await server.stop()
  }
}

import { AppError, type VisitInput } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { countByState, upsertVisit, type LocalVisit, type VisitForm } from './queue'
import { createSyncEngine, type SyncApi, type SyncProgress, type UploadState } from './syncEngine'

const form = (name: string): VisitForm => ({
  visitedAt: '2026-03-02T09:00:00+08:00',
  companions: [],
  household: { name, address: '幸福村1组', tags: [] },
  purposes: ['visiting'],
  notes: '',
  followUp: { needed: false },
  problems: [],
  followedUpCaseIds: [],
})

/** A server in memory that can drop the network after a number of calls. */
function fakeServer(chunkBytes = 4) {
  const uploads = new Map<string, UploadState & { clientId: string }>()
  const visits = new Map<string, VisitInput>()
  let callsLeft = Infinity
  const calls: string[] = []
  const network = <T>(name: string, work: () => T): Promise<T> => {
    calls.push(name)
    if (callsLeft-- <= 0) return Promise.reject(new AppError('NETWORK_ERROR'))
    return Promise.resolve(work())
  }
  const api: SyncApi = {
    startUpload: (clientId, size) =>
      network('start', () => {
        const found = [...uploads.values()].find((upload) => upload.clientId === clientId)
        if (found) return { ...found }
        const upload = {
          id: `u${uploads.size}`,
          clientId,
          size,
          received: 0,
          status: 'receiving' as const,
          fileId: null,
          chunkBytes,
        }
        uploads.set(upload.id, upload)
        return { ...upload }
      }),
    putChunk: (id, offset, data) =>
      network('put', () => {
        const upload = uploads.get(id)!
        if (offset !== upload.received) throw new AppError('UPLOAD_OFFSET_MISMATCH')
        upload.received += data.byteLength
        if (upload.received === upload.size) Object.assign(upload, { status: 'complete', fileId: `f-${id}` })
        return { ...upload }
      }),
    syncVisits: (batch) =>
      network('sync', () =>
        batch.map((visit) => {
          const known = visits.has(visit.clientId)
          visits.set(visit.clientId, visit)
          return {
            clientId: visit.clientId,
            status: known ? ('duplicate' as const) : ('created' as const),
            id: `id-${visit.clientId}`,
          }
        }),
      ),
  }
  return {
    api,
    visits,
    calls,
    dropAfter(count: number) {
      callsLeft = count
    },
    restore() {
      callsLeft = Infinity
    },
  }
}

function memoryStore(initial: LocalVisit[]) {
  let queue = initial
  return { load: () => queue, save: (next: LocalVisit[]) => void (queue = next), get: () => queue }
}

const photos = { read: async (_ref: string, _offset: number, length: number) => new ArrayBuffer(length) }

function queueOf(count: number, photoBytes = 0): LocalVisit[] {
  let queue: LocalVisit[] = []
  for (let i = 0; i < count; i++) {
    queue = upsertVisit(
      queue,
      {
        clientId: `visit-${i}-xxxxxx`,
        form: form(`户${i}`),
        photos: photoBytes ? [{ key: `photo-${i}-xxxxxx`, ref: `ref-${i}`, size: photoBytes }] : [],
      },
      true,
      new Date(),
    )
  }
  return queue
}

describe('visit sync engine', () => {
  it('uploads photos in chunks, sends visits in batches, and reports items and bytes', async () => {
    const server = fakeServer()
    const store = memoryStore(queueOf(5, 10))
    const progress: SyncProgress[] = []
    const engine = createSyncEngine({
      api: server.api,
      photos,
      store,
      batchSize: 2,
      onProgress: (p) => progress.push(p),
    })
    const outcome = await engine.sync()
    expect(outcome).toMatchObject({
      synced: 5,
      failed: 0,
      interrupted: false,
      itemsDone: 5,
      bytesDone: 50,
      bytesTotal: 50,
    })
    expect(server.calls.filter((call) => call === 'sync')).toHaveLength(3) // 2 + 2 + 1
    expect(server.calls.filter((call) => call === 'put')).toHaveLength(15) // 10 bytes in 4-byte chunks, per photo
    expect([...server.visits.values()].every((visit) => visit.photos[0]!.startsWith('f-'))).toBe(true)
    expect(countByState(store.get()).synced).toBe(5)
    expect(progress.at(-1)).toMatchObject({ itemsDone: 5, bytesDone: 50 })
  })

  it('after the network drops mid-photo, resumes from the server’s offset and never sends a visit twice', async () => {
    const server = fakeServer()
    const store = memoryStore(queueOf(3, 10))
    const engine = createSyncEngine({ api: server.api, photos, store, batchSize: 10 })
    server.dropAfter(5) // start, put, put, put, start, then the network is gone
    const first = await engine.sync()
    expect(first.interrupted).toBe(true)
    expect(countByState(store.get())).toMatchObject({ waiting: 3, synced: 0 })
    expect(store.get().find((visit) => visit.clientId === 'visit-0-xxxxxx')!.photos[0]!.fileId).toBe('f-u0')
    server.restore()
    const second = await engine.sync()
    expect(second).toMatchObject({ synced: 3, interrupted: false, bytesTotal: 30 })
    expect(server.visits.size).toBe(3)
    // 9 chunks in all, each stored once; one more attempt was the one the network ate
    expect(server.calls.filter((call) => call === 'put')).toHaveLength(3 * 3 + 1)
  })

  it('keeps item errors per visit, and an edit after sync goes out as the next revision', async () => {
    const server = fakeServer()
    const failing: SyncApi = {
      ...server.api,
      syncVisits: async (batch) =>
        batch.map((visit, index) =>
          index === 1
            ? {
                clientId: visit.clientId,
                status: 'error' as const,
                error: { code: 'INVALID_DATE', message: '走访时间不能晚于现在' },
              }
            : { clientId: visit.clientId, status: 'created' as const, id: `id-${index}` },
        ),
    }
    const store = memoryStore(queueOf(3))
    await createSyncEngine({ api: failing, photos, store }).sync()
    const states = store.get().map((visit) => visit.state)
    expect(states.filter((state) => state === 'failed')).toHaveLength(1)
    expect(store.get().find((visit) => visit.state === 'failed')!.error!.code).toBe('INVALID_DATE')

    const synced = store.get().find((visit) => visit.state === 'synced')!
    const edited = upsertVisit(
      store.get(),
      { ...synced, form: { ...synced.form, notes: '补记' } },
      true,
      new Date(),
    )
    expect(edited.find((visit) => visit.clientId === synced.clientId)).toMatchObject({
      revision: 2,
      state: 'waiting',
    })
    const again = upsertVisit(
      edited,
      { ...synced, form: { ...synced.form, notes: '再改' } },
      true,
      new Date(),
    )
    expect(again.find((visit) => visit.clientId === synced.clientId)!.revision).toBe(2) // not yet synced: same revision
  })

  it('runs once at a time: a second call joins the first', async () => {
    const server = fakeServer()
    const store = memoryStore(queueOf(2))
    const engine = createSyncEngine({ api: server.api, photos, store })
    const [a, b] = await Promise.all([engine.sync(), engine.sync()])
    expect(a).toBe(b)
    expect(server.calls.filter((call) => call === 'sync')).toHaveLength(1)
  })
})

import { AppError, type VisitInput } from '@minqing/shared'
import { pendingVisits, updateVisit, type LocalPhoto, type LocalVisit } from './queue'

export interface UploadState {
  id: string
  received: number
  size: number
  status: 'receiving' | 'complete' | 'failed'
  fileId: string | null
  chunkBytes: number
}

export type SyncItemResult =
  | { clientId: string | null; status: 'created' | 'duplicate' | 'updated'; id: string }
  | { clientId: string | null; status: 'error'; error: { code: string; message: string } }

/** The server calls the engine needs (api/visits.ts in the app; fakes in tests). */
export interface SyncApi {
  startUpload(clientId: string, size: number): Promise<UploadState>
  putChunk(uploadId: string, offset: number, data: ArrayBuffer): Promise<UploadState>
  syncVisits(visits: VisitInput[]): Promise<SyncItemResult[]>
}

export interface PhotoReader {
  read(ref: string, offset: number, length: number): Promise<ArrayBuffer>
}

export interface QueueStore {
  load(): LocalVisit[]
  save(queue: LocalVisit[]): void
}

export interface SyncProgress {
  itemsDone: number
  itemsTotal: number
  bytesDone: number
  bytesTotal: number
}

export interface SyncOutcome extends SyncProgress {
  synced: number
  failed: number
  /** Set when the network dropped: what was not sent stays waiting for the next run. */
  interrupted: boolean
}

const isNetworkError = (error: unknown) => error instanceof AppError && error.code === 'NETWORK_ERROR'
/** Errors worth retrying later as they are (server busy, rate limited), not the visit's fault. */
const isTransient = (error: unknown) =>
  isNetworkError(error) ||
  (error instanceof AppError &&
    ['DATABASE_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL', 'REQUEST_ABORTED'].includes(error.code))

/**
 * Sends the phone's queue: photos first, each in chunks resumed from what the server has, then
 * the visits in batches to the idempotent sync endpoint. A visit is "synced" only once its photos
 * are. The queue is saved after every step, so a closed app or a dropped network loses nothing:
 * the next run picks up where this one stopped, and retries never double a record (the server
 * keys visits and uploads by their client ids).
 */
export function createSyncEngine(options: {
  api: SyncApi
  photos: PhotoReader
  store: QueueStore
  batchSize?: number
  onProgress?: (progress: SyncProgress) => void
  onChange?: (queue: LocalVisit[]) => void
}) {
  const batchSize = options.batchSize ?? 20
  let running: Promise<SyncOutcome> | null = null

  function save(queue: LocalVisit[]) {
    options.store.save(queue)
    options.onChange?.(queue)
  }

  async function run(includeFailed: boolean): Promise<SyncOutcome> {
    let queue = options.store.load()
    // The queue lists newest first; the oldest visits go first.
    const pending = pendingVisits(queue, includeFailed).reverse()
    const progress: SyncProgress = {
      itemsDone: 0,
      itemsTotal: pending.length,
      bytesDone: 0,
      bytesTotal: pending.flatMap((visit) => visit.photos).reduce((sum, photo) => sum + photo.size, 0),
    }
    const outcome = { synced: 0, failed: 0, interrupted: false }
    const report = () => options.onProgress?.({ ...progress })
    if (pending.length === 0) return { ...progress, ...outcome }
    for (const visit of pending)
      queue = updateVisit(queue, visit.clientId, { state: 'syncing', error: undefined })
    save(queue)
    // Photos already on the server count as sent.
    progress.bytesDone = pending
      .flatMap((visit) => visit.photos)
      .reduce((sum, photo) => sum + (photo.fileId ? photo.size : (photo.received ?? 0)), 0)
    report()

    const ready: LocalVisit[] = []
    for (const visit of pending) {
      try {
        const photos = await uploadPhotos(
          visit,
          (photo) => {
            queue = updateVisit(queue, visit.clientId, {
              photos: (queue.find((item) => item.clientId === visit.clientId)?.photos ?? []).map((item) =>
                item.key === photo.key ? photo : item,
              ),
            })
            save(queue)
          },
          (bytes) => {
            progress.bytesDone += bytes
            report()
          },
        )
        ready.push({ ...visit, photos })
      } catch (error) {
        if (isTransient(error)) {
          outcome.interrupted = true
          break
        }
        const reason = error instanceof AppError ? error : new AppError('INTERNAL')
        queue = updateVisit(queue, visit.clientId, {
          state: 'failed',
          error: { code: reason.code, message: `照片：${reason.message}` },
        })
        save(queue)
        outcome.failed++
        progress.itemsDone++
        report()
      }
    }

    for (let start = 0; start < ready.length && !outcome.interrupted; start += batchSize) {
      const batch = ready.slice(start, start + batchSize)
      let results: SyncItemResult[]
      try {
        results = await options.api.syncVisits(batch.map(toInput))
      } catch (error) {
        if (isTransient(error)) {
          outcome.interrupted = true
          break
        }
        const reason = error instanceof AppError ? error : new AppError('INTERNAL')
        results = batch.map((visit) => ({
          clientId: visit.clientId,
          status: 'error' as const,
          error: { code: reason.code, message: reason.message },
        }))
      }
      const now = new Date().toISOString()
      batch.forEach((visit, index) => {
        const result = results[index]
        if (result && result.status !== 'error') {
          queue = updateVisit(queue, visit.clientId, {
            state: 'synced',
            serverId: result.id,
            syncedRevision: visit.revision,
            syncedAt: now,
            error: undefined,
          })
          outcome.synced++
        } else {
          queue = updateVisit(queue, visit.clientId, {
            state: 'failed',
            error: result?.status === 'error' ? result.error : { code: 'INTERNAL', message: '无结果' },
          })
          outcome.failed++
        }
        progress.itemsDone++
      })
      save(queue)
      report()
    }
    if (outcome.interrupted) {
      // Not sent: back to waiting, to go with the next run (automatic when the network returns).
      queue = queue.map((item) =>
        item.state === 'syncing'
          ? {
              ...item,
              state: 'waiting',
              error: { code: 'NETWORK_ERROR', message: '网络中断，联网后自动继续' },
            }
          : item,
      )
      save(queue)
    }
    return { ...progress, ...outcome }
  }

  async function uploadPhotos(
    visit: LocalVisit,
    onPhoto: (photo: LocalPhoto) => void,
    onBytes: (bytes: number) => void,
  ): Promise<LocalPhoto[]> {
    const done: LocalPhoto[] = []
    for (const original of visit.photos) {
      let photo = original
      if (!photo.fileId) {
        let state = await options.api.startUpload(photo.key, photo.size)
        onBytes(state.received - (photo.received ?? 0))
        while (state.status === 'receiving') {
          const length = Math.min(state.chunkBytes, state.size - state.received)
          const data = await options.photos.read(photo.ref, state.received, length)
          const before = state.received
          try {
            state = await options.api.putChunk(state.id, state.received, data)
          } catch (error) {
            // Another attempt moved the upload on meanwhile: ask where it stands and go on from there.
            if (!(error instanceof AppError && error.code === 'UPLOAD_OFFSET_MISMATCH')) throw error
            state = await options.api.startUpload(photo.key, photo.size)
          }
          onBytes(state.received - before)
          photo = { ...photo, uploadId: state.id, received: state.received }
          onPhoto(photo)
        }
        if (state.status !== 'complete' || !state.fileId) throw new AppError('UNSUPPORTED_FILE_TYPE')
        photo = { ...photo, uploadId: state.id, received: state.size, fileId: state.fileId }
        onPhoto(photo)
      }
      done.push(photo)
    }
    return done
  }

  return {
    /** One run at a time: a second call while syncing joins the running one. */
    sync(includeFailed = false): Promise<SyncOutcome> {
      running ??= run(includeFailed).finally(() => {
        running = null
      })
      return running
    },
    get busy() {
      return running !== null
    },
  }
}

function toInput(visit: LocalVisit): VisitInput {
  return {
    ...visit.form,
    clientId: visit.clientId,
    revision: visit.revision,
    photos: visit.photos.map((photo) => photo.fileId!),
  }
}

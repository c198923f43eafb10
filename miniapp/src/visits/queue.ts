import type { VisitInput } from '@minqing/shared'

/** Where a visit recorded on the phone stands. */
export type SyncState = 'draft' | 'waiting' | 'syncing' | 'synced' | 'failed'

export const syncStateLabels: Record<SyncState, string> = {
  draft: '草稿',
  waiting: '待同步',
  syncing: '同步中',
  synced: '已同步',
  failed: '同步失败',
}

/**
 * A photo kept on the phone: `ref` points at the local file (a saved file path in the
 * mini-program, an IndexedDB key in H5) — WeChat storage is limited to 10 MB, so the queue keeps
 * references, never the bytes. `fileId` is set once the server has the whole photo.
 */
export interface LocalPhoto {
  key: string
  ref: string
  size: number
  uploadId?: string
  received?: number
  fileId?: string
}

/** The visit form's content: everything the server gets, photos still local. */
export type VisitForm = Omit<VisitInput, 'clientId' | 'revision' | 'photos'>

export interface LocalVisit {
  clientId: string
  revision: number
  /** The revision the server last acknowledged; an edit after that is sent as revision + 1. */
  syncedRevision?: number
  state: SyncState
  error?: { code: string; message: string }
  form: VisitForm
  photos: LocalPhoto[]
  serverId?: string
  savedAt: string
  syncedAt?: string
}

/** Saves a draft or a finished visit; editing a synced visit starts the next revision. */
export function upsertVisit(
  queue: readonly LocalVisit[],
  visit: Pick<LocalVisit, 'clientId' | 'form' | 'photos'>,
  finished: boolean,
  now: Date,
): LocalVisit[] {
  const existing = queue.find((item) => item.clientId === visit.clientId)
  const revision =
    existing && existing.syncedRevision !== undefined && existing.syncedRevision >= existing.revision
      ? existing.revision + 1
      : (existing?.revision ?? 1)
  const next: LocalVisit = {
    ...existing,
    ...visit,
    revision,
    state: finished ? 'waiting' : 'draft',
    error: undefined,
    savedAt: now.toISOString(),
  }
  return existing ? queue.map((item) => (item.clientId === visit.clientId ? next : item)) : [next, ...queue]
}

export function updateVisit(
  queue: readonly LocalVisit[],
  clientId: string,
  change: Partial<LocalVisit>,
): LocalVisit[] {
  return queue.map((item) => (item.clientId === clientId ? { ...item, ...change } : item))
}

export function removeDraft(queue: readonly LocalVisit[], clientId: string): LocalVisit[] {
  return queue.filter((item) => !(item.clientId === clientId && item.state === 'draft'))
}

/** What a sync run picks up: waiting visits, ones a crash left "syncing", and (on demand) failed ones. */
export function pendingVisits(queue: readonly LocalVisit[], includeFailed: boolean): LocalVisit[] {
  return queue.filter(
    (item) =>
      item.state === 'waiting' || item.state === 'syncing' || (includeFailed && item.state === 'failed'),
  )
}

export function countByState(queue: readonly LocalVisit[]): Record<SyncState, number> {
  const counts: Record<SyncState, number> = { draft: 0, waiting: 0, syncing: 0, synced: 0, failed: 0 }
  for (const item of queue) counts[item.state]++
  return counts
}

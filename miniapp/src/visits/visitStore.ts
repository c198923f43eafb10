import Taro from '@tarojs/taro'
import { visitApi } from '../api/visits'
import { photoStore } from './photoStore'
import { AppError } from '@minqing/shared'
import { createAutoSync } from './autoSync'
import { pendingVisits, type LocalVisit } from './queue'
import { visitQueueKey as key } from './queueKey'
import { createSyncEngine, type SyncProgress } from './syncEngine'

/**
 * The visit queue lives in the platform storage (wx storage / localStorage): it survives restarts.
 * Every save tells the pages showing the queue (a saved visit, a sync step, a deleted draft).
 */
export const queueStore = {
  load(): LocalVisit[] {
    const value = Taro.getStorageSync(key) as LocalVisit[] | '' | undefined
    return Array.isArray(value) ? value : []
  },
  save(queue: LocalVisit[]) {
    Taro.setStorageSync(key, queue)
    emit()
  },
}

type Listener = (state: { queue: LocalVisit[]; progress: SyncProgress | null; busy: boolean }) => void
const listeners = new Set<Listener>()
let progress: SyncProgress | null = null

function emit() {
  const state = { queue: queueStore.load(), progress, busy: syncEngine.busy }
  for (const listener of listeners) listener(state)
}

export const syncEngine = createSyncEngine({
  api: visitApi,
  photos: photoStore,
  store: queueStore,
  onProgress: (next) => {
    progress = next
    emit()
  },
})

/** Runs a sync and tells every page showing the queue. */
export async function syncNow(includeFailed = false) {
  const running = syncEngine.sync(includeFailed)
  emit()
  try {
    return await running
  } finally {
    emit()
  }
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  listener({ queue: queueStore.load(), progress, busy: syncEngine.busy })
  return () => listeners.delete(listener)
}

const autoSync = createAutoSync({
  sync: () => syncNow(),
  waiting: () => pendingVisits(queueStore.load(), false).length,
  // The browser knows when it has no network; the mini-program learns it from the network event.
  isOnline: () => process.env.TARO_ENV !== 'h5' || navigator.onLine,
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  onError: (error) =>
    console.warn('[minqing] visit sync run failed', error instanceof AppError ? error.code : error),
})

/** Sends the queue soon: now, then with growing pauses while visits wait (a visit was just saved). */
export function syncSoon(): void {
  void autoSync.kick()
}

let watching = false
/**
 * Sends the queue whenever the network comes back (both platforms), and at start if visits wait;
 * once per app run. Started with the app, so a phone that never opens 我的走访 still sends.
 */
export function syncWhenOnline() {
  if (watching) return
  watching = true
  Taro.onNetworkStatusChange((status) => {
    if (status.isConnected) syncSoon()
  })
  if (process.env.TARO_ENV === 'h5') window.addEventListener('online', syncSoon)
  syncSoon()
}

import Taro from '@tarojs/taro'
import { visitApi } from '../api/visits'
import { photoStore } from './photoStore'
import type { LocalVisit } from './queue'
import { createSyncEngine, type SyncProgress } from './syncEngine'

const key = 'minqing.visits.v1'

/** The visit queue lives in the platform storage (wx storage / localStorage): it survives restarts. */
export const queueStore = {
  load(): LocalVisit[] {
    const value = Taro.getStorageSync(key) as LocalVisit[] | '' | undefined
    return Array.isArray(value) ? value : []
  },
  save(queue: LocalVisit[]) {
    Taro.setStorageSync(key, queue)
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
  onChange: () => emit(),
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

let watching = false
/** Sends the queue whenever the network comes back (both platforms), once per app run. */
export function syncWhenOnline() {
  if (watching) return
  watching = true
  const kick = () => void syncNow().catch(() => undefined)
  Taro.onNetworkStatusChange((status) => {
    if (status.isConnected) kick()
  })
  if (process.env.TARO_ENV === 'h5') window.addEventListener('online', kick)
}

import Taro from '@tarojs/taro'
import type { PhotoReader } from './syncEngine'

/**
 * Photos of visits recorded offline stay on the phone as files, not in the key-value storage
 * (WeChat allows 10 MB of storage in all): in the mini-program a saved file, in H5 a Blob in
 * IndexedDB. The queue keeps only the returned reference.
 */
export interface PhotoStore extends PhotoReader {
  keep(tempPath: string, file?: Blob): Promise<{ ref: string; size: number }>
  displayUrl(ref: string): Promise<string>
  remove(ref: string): Promise<void>
}

const weappStore: PhotoStore = {
  async keep(tempPath) {
    const saved = await Taro.saveFile({ tempFilePath: tempPath })
    const path = (saved as unknown as { savedFilePath: string }).savedFilePath
    const info = await Taro.getFileInfo({ filePath: path })
    return { ref: path, size: (info as unknown as { size: number }).size }
  },
  read(ref, offset, length) {
    return new Promise((resolve, reject) => {
      Taro.getFileSystemManager().readFile({
        filePath: ref,
        position: offset,
        length,
        success: (result) => resolve(result.data as ArrayBuffer),
        fail: reject,
      })
    })
  },
  async displayUrl(ref) {
    return ref
  },
  async remove(ref) {
    await Taro.removeSavedFile({ filePath: ref }).catch(() => undefined)
  },
}

const dbName = 'minqing-photos'
function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1)
    request.onupgradeneeded = () => request.result.createObjectStore('photos')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}
async function inStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb()
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction('photos', mode).objectStore('photos'))
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  } finally {
    db.close()
  }
}
const blobFor = async (ref: string) => {
  const blob = await inStore<Blob | undefined>('readonly', (store) => store.get(ref))
  if (!blob) throw new Error(`photo ${ref} is gone`)
  return blob
}

const h5Store: PhotoStore = {
  async keep(tempPath, file) {
    // chooseImage gives blob: URLs that die with the page; the Blob itself goes into IndexedDB.
    const blob = file ?? (await (await fetch(tempPath)).blob())
    const ref = `photo-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
    await inStore('readwrite', (store) => store.put(blob, ref))
    return { ref, size: blob.size }
  },
  async read(ref, offset, length) {
    return (await blobFor(ref)).slice(offset, offset + length).arrayBuffer()
  },
  async displayUrl(ref) {
    return URL.createObjectURL(await blobFor(ref))
  },
  async remove(ref) {
    await inStore('readwrite', (store) => store.delete(ref))
  },
}

export const photoStore: PhotoStore = process.env.TARO_ENV === 'h5' ? h5Store : weappStore

import type { Schema } from 'mongoose'

/**
 * A small collection read on every request (categories, the user directory) kept in memory.
 * FerretDB only pushes `_id` filters down to SQLite, so any other filter decodes the whole
 * collection; one load every `maxAgeMs` costs less than one per request. Writes on this
 * instance clear it at once (`clearOnWrite`); another instance's writes show within `maxAgeMs`.
 */
export function memoryCache<T>(load: () => Promise<T>, maxAgeMs = 30_000) {
  let cached: { value: T; loadedAt: number } | undefined
  let loading: Promise<T> | undefined
  // A write during a load may not be in what the load read: the load then serves its caller but
  // is not kept, and the next call reads again.
  let generation = 0
  return {
    async get(): Promise<T> {
      if (cached && Date.now() - cached.loadedAt < maxAgeMs) return cached.value
      const started = generation
      loading ??= load()
        .then((value) => {
          if (generation === started) cached = { value, loadedAt: Date.now() }
          return value
        })
        .finally(() => {
          loading = undefined
        })
      return loading
    },
    clear(): void {
      generation++
      cached = undefined
      loading = undefined
    },
  }
}

const writes = [
  'save',
  'findOneAndUpdate',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
  'insertMany',
] as const

/** Clears a cache after any write through the model of `schema`. */
export function clearOnWrite(schema: Schema, cache: { clear(): void }): void {
  for (const operation of writes) schema.post(operation as 'save', () => cache.clear())
}

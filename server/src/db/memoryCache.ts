import type { Schema } from 'mongoose'
import { forgetOnReset } from '../processState/processState'

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
  const cache = {
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
  forgetOnReset(() => cache.clear())
  return cache
}

const queryWrites = ['findOneAndUpdate', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany'] as const

/** Whether an update document sets any of `fields` (directly or under an operator such as $set). */
const updateTouches = (update: unknown, fields: readonly string[]) =>
  !update ||
  Object.entries(update as Record<string, unknown>).some(([key, value]) =>
    key.startsWith('$')
      ? Object.keys((value as Record<string, unknown>) ?? {}).some((field) => fields.includes(field))
      : fields.includes(key),
  )

/**
 * Clears a cache after writes through the model of `schema`. With `fields`, updates that set
 * none of them (a login's failed-attempt counter) and saved documents `matters` rejects (a new
 * resident, for a directory of staff) leave it be.
 */
export function clearOnWrite(
  schema: Schema,
  cache: { clear(): void },
  options: { fields?: readonly string[]; matters?: (doc: Record<string, unknown>) => boolean } = {},
): void {
  schema.post('save', function (doc: Record<string, unknown>) {
    if (!options.matters || options.matters(doc)) cache.clear()
  })
  schema.post('insertMany', () => cache.clear())
  for (const operation of queryWrites)
    schema.post(operation, function (this: { getUpdate?: () => unknown }) {
      if (!options.fields || updateTouches(this.getUpdate?.(), options.fields)) cache.clear()
    })
}

import { hasAtomicUpdates } from './flavour'
import { serialByKey } from './serialByKey'

/**
 * Runs an update of one counter (an `$inc`, a `findOneAndUpdate`). MongoDB applies it atomically
 * on the server, so it runs at once. FerretDB v1 reads and then writes (40 concurrent `$inc` end
 * at 1–23), so there the updates of one key go one at a time in this process — another instance
 * can still interleave, which is why what matters across instances is decided by unique inserts.
 */
export function atomicUpdate<T>(key: string, update: () => Promise<T>): Promise<T> {
  return hasAtomicUpdates() ? update() : serialByKey(key, update)
}

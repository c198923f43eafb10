import { expireOrphanFiles } from '../files/expireOrphans'
import type { AppDeps } from '../http/deps'
import { expireRateCounters } from '../rateLimit/rateLimit'
import { expireUploads } from '../uploads/expireUploads'

/**
 * What a TTL index would remove on MongoDB, done by a job (FerretDB v1 has none): idle upload
 * sessions with their chunks, photos nothing references, rate-limit counters of past windows.
 */
export async function housekeeping(deps: AppDeps) {
  const uploads = await expireUploads(deps)
  const files = await expireOrphanFiles(deps)
  const rateCounters = await expireRateCounters(deps.clock.now())
  return { uploadSessions: uploads.sessions, orphanFiles: files.deleted, rateCounters: rateCounters.counters }
}

import type { AppDeps } from '../http/deps'
import { UploadChunkModel, UploadModel } from './upload.model'

const hour = 3600_000
const batchSize = 200

/**
 * Removes upload sessions idle for UPLOAD_SESSION_TTL_HOURS, with the chunks they hold. FerretDB
 * has no TTL indexes, so the scheduler runs this. Chunks go first: a run that dies in between
 * leaves a session without chunks, which the next run still finds.
 */
export async function expireUploads(deps: AppDeps): Promise<{ sessions: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.UPLOAD_SESSION_TTL_HOURS * hour)
  let sessions = 0
  for (;;) {
    const stale = await UploadModel.find({ updatedAt: { $lt: cutoff } }, { _id: 1 })
      .limit(batchSize)
      .lean()
    if (!stale.length) return { sessions }
    const ids = stale.map((upload) => upload._id)
    await UploadChunkModel.deleteMany({ uploadId: { $in: ids } })
    sessions += (await UploadModel.deleteMany({ _id: { $in: ids }, updatedAt: { $lt: cutoff } })).deletedCount
    if (stale.length < batchSize) return { sessions }
  }
}

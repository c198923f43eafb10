import { AppError } from '@minqing/shared'
import mongoose, { Types } from 'mongoose'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import type { AppDeps } from '../http/deps'
import { VisitModel, VisitRevisionModel } from '../visits/visit.model'

const hour = 3600_000
/** Files checked per run: each batch costs one `$in` query per referencing collection. */
const batchSize = 200

/** The database holding the photos bucket (`photos.files`, `photos.chunks`, as files/gridfs.ts names it). */
function photoDb() {
  const db = mongoose.connection.db
  if (!db) throw new AppError('DATABASE_UNAVAILABLE')
  return db
}

/**
 * Deletes photos that nothing references ORPHAN_FILE_TTL_HOURS after they were stored: uploads
 * never attached to a case, a case event or a visit (a form abandoned after its photos were sent).
 * The wait lets an offline visit sync its photos' record later. A file found referenced is marked
 * `metadata.kept`, so later runs skip it: references are never removed (events and visit revisions
 * are kept), except by retention, which deletes the photos itself. Thumbnails go with their photo.
 */
export async function expireOrphanFiles(deps: AppDeps): Promise<{ deleted: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.ORPHAN_FILE_TTL_HOURS * hour)
  const db = photoDb()
  const files = db.collection('photos.files')
  let deleted = 0
  for (;;) {
    const candidates = await files
      .find(
        {
          uploadDate: { $lt: cutoff },
          'metadata.variant': { $ne: 'thumbnail' },
          'metadata.kept': { $ne: true },
        },
        { projection: { _id: 1, metadata: 1 } },
      )
      .sort({ uploadDate: 1, _id: 1 })
      .limit(batchSize)
      .toArray()
    if (!candidates.length) return { deleted }
    const ids = candidates.map((file) => file._id as Types.ObjectId)
    const referenced = await referencedAmong(ids)
    const kept = ids.filter((id) => referenced.has(String(id)))
    if (kept.length) await files.updateMany({ _id: { $in: kept } }, { $set: { 'metadata.kept': true } })
    for (const file of candidates) {
      if (referenced.has(String(file._id))) continue
      const thumbnailId = (file.metadata as { thumbnailId?: string } | undefined)?.thumbnailId
      // Thumbnail first: if the process dies in between, the photo is still found next run.
      if (thumbnailId) await deleteFile(db, new Types.ObjectId(thumbnailId))
      await deleteFile(db, file._id as Types.ObjectId)
      deleted++
    }
    if (candidates.length < batchSize) return { deleted }
  }
}

/** Which of these photo ids a case, a case event, a visit or a visit revision refers to. */
async function referencedAmong(ids: Types.ObjectId[]): Promise<Set<string>> {
  const asText = ids.map(String)
  const [cases, events, visits, revisions] = await Promise.all([
    CaseModel.find({ photos: { $in: ids } }, { photos: 1 }).lean(),
    CaseEventModel.find({ attachments: { $in: ids } }, { attachments: 1 }).lean(),
    // Visit content is stored as validated input: photo ids are strings there.
    VisitModel.find({ 'content.photos': { $in: asText } }, { 'content.photos': 1 }).lean(),
    VisitRevisionModel.find({ 'content.photos': { $in: asText } }, { 'content.photos': 1 }).lean(),
  ])
  const found = new Set<string>()
  for (const record of cases) for (const id of record.photos) found.add(String(id))
  for (const event of events) for (const id of event.attachments) found.add(String(id))
  for (const visit of [...visits, ...revisions])
    for (const id of (visit.content as { photos?: string[] }).photos ?? []) found.add(String(id))
  return found
}

/**
 * Deletes one GridFS file: chunks first, then the file document, so a run that dies in between
 * leaves a file document the next run finds again. A file already gone is what we wanted.
 */
async function deleteFile(db: mongoose.mongo.Db, id: Types.ObjectId): Promise<void> {
  await db.collection('photos.chunks').deleteMany({ files_id: id })
  await db.collection('photos.files').deleteOne({ _id: id })
}

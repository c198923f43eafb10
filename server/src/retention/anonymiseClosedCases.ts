import { AppError } from '@minqing/shared'
import mongoose, { Types } from 'mongoose'
import { CaseModel, type CaseDocument } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { commitChange, loadCase } from '../cases/commitChange'
import { FollowUpModel } from '../followUp/followUp.model'
import { anonymiseIntakeCall } from '../intake/anonymiseIntakeCall'
import type { AppDeps } from '../http/deps'
import { anonymisedPatch } from './anonymisedPatch'
import { stripPersonal } from './stripPersonal'

const day = 86_400_000

/**
 * Retention (PIPL Art. 19, 47): RETENTION_DAYS after a case closed, its personal data is removed
 * or coarsened (`anonymisedPatch`), the texts of its history are stripped and its photos deleted;
 * the statistics stay. Each case's anonymisation is recorded as an `anonymise` event. The history
 * is rewritten first and the event committed last: a run that dies half way leaves the case
 * unmarked, and the next run does it again (every step is idempotent).
 */
export async function anonymiseClosedCases(deps: AppDeps, limit = 200): Promise<{ anonymised: number }> {
  const now = deps.clock.now()
  const closedBefore = new Date(now.getTime() - deps.config.RETENTION_DAYS * day)
  const due = await CaseModel.find(
    { status: 'closed', closedAt: { $lte: closedBefore }, anonymisedAt: null },
    { _id: 1 },
  )
    .sort({ closedAt: 1, _id: 1 })
    .limit(limit)
    .lean()
  let anonymised = 0
  for (const { _id } of due) {
    const record = await loadCase(String(_id))
    if (record.status !== 'closed' || record.anonymisedAt) continue
    const photoIds = await stripHistory(record)
    // A caller filed by an operator: their name and phone live on the intake record (issue 14).
    await anonymiseIntakeCall(record._id)
    await deletePhotos(photoIds)
    try {
      await commitChange(
        record,
        { to: 'closed', set: anonymisedPatch(record, now), inc: {}, involveUnitIds: [] },
        {
          action: 'anonymise',
          actor: { userId: null, role: 'system', unitId: null },
          at: now,
          reason: `结案满${deps.config.RETENTION_DAYS}天，个人信息已按保存期限删除或匿名化`,
          public: false,
          data: { retentionDays: deps.config.RETENTION_DAYS, photosDeleted: photoIds.length },
        },
      )
      anonymised++
    } catch (error) {
      // Reopened or anonymised by another instance meanwhile: it is not due, or done.
      if (!(error instanceof AppError && error.code === 'CASE_CHANGED')) throw error
    }
  }
  return { anonymised }
}

/**
 * Strips the texts of the case's events (messages, reasons, the rating comment in a patch) and
 * empties their attachments; returns every photo id of the case. Events are append-only for the
 * application: this is the one erasure the law requires of them (Art. 47), written through the
 * driver so the model's append-only hooks stay armed for everyone else; the `anonymise` event
 * that follows records it.
 */
async function stripHistory(record: CaseDocument): Promise<Types.ObjectId[]> {
  const events = await CaseEventModel.find(
    { caseId: record._id },
    { message: 1, reason: 1, attachments: 1, data: 1 },
  ).lean()
  const photos = new Map<string, Types.ObjectId>(record.photos.map((id) => [String(id), id]))
  for (const event of events) {
    for (const id of event.attachments) photos.set(String(id), id)
    await CaseEventModel.collection.updateOne(
      { _id: event._id },
      {
        $set: {
          message: stripPersonal(event.message),
          reason: stripPersonal(event.reason),
          attachments: [],
          data: stripPatchTexts(event.data),
        },
      },
    )
  }
  const comment = await FollowUpModel.findOne({ caseId: record._id }, { answer: 1 }).lean()
  if (comment?.answer?.comment)
    await FollowUpModel.updateOne(
      { _id: comment._id },
      { $set: { 'answer.comment': stripPersonal(comment.answer.comment) } },
    )
  return [...photos.values()]
}

/** Texts a patch may carry: a new description or title, a rating with its comment. */
function stripPatchTexts(data: unknown): unknown {
  const patch = (data as { patch?: { set?: Array<{ path: string; value: unknown }> } } | null)?.patch
  if (!patch?.set) return data
  const set = patch.set.map(({ path, value }) => {
    if ((path === 'description' || path === 'title') && typeof value === 'string')
      return { path, value: stripPersonal(value) }
    if (path === 'rating' && value && typeof value === 'object') {
      const rating = value as { comment?: string | null }
      return { path, value: { ...rating, comment: stripPersonal(rating.comment) } }
    }
    if (path === 'photos') return { path, value: [] }
    return { path, value }
  })
  return { ...(data as object), patch: { ...patch, set } }
}

/** Each photo with its thumbnail; chunks before the file document, so a retry finds what is left. */
async function deletePhotos(ids: Types.ObjectId[]): Promise<void> {
  const db = mongoose.connection.db
  if (!db || !ids.length) return
  const files = db.collection('photos.files')
  const originals = await files.find({ _id: { $in: ids } }, { projection: { metadata: 1 } }).toArray()
  const all = [
    ...ids,
    ...originals.flatMap((file) => {
      const thumbnailId = (file.metadata as { thumbnailId?: string } | undefined)?.thumbnailId
      return thumbnailId ? [new Types.ObjectId(thumbnailId)] : []
    }),
  ]
  await db.collection('photos.chunks').deleteMany({ files_id: { $in: all } })
  await files.deleteMany({ _id: { $in: all } })
}

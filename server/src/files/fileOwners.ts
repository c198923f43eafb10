import mongoose from 'mongoose'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { VisitModel } from '../visits/visit.model'

/**
 * What a photo belongs to: a case (its photos), a case event (photos of a reply or the fix) or a
 * visit. Access to a photo follows access to its owner. Stored on the GridFS file as
 * `metadata.owners`; files stored before that (and files attached after their owners were
 * recorded) get them derived from the records that list their id.
 */
export interface FileOwner {
  kind: 'case' | 'caseEvent' | 'visit'
  id: string
}

const filesCollection = () => mongoose.connection.db!.collection('photos.files')

/** The records that list this file, read from the records themselves (the source of truth). */
export async function deriveFileOwners(fileId: string): Promise<FileOwner[]> {
  const objectId = new mongoose.Types.ObjectId(fileId)
  const [cases, events, visits] = await Promise.all([
    CaseModel.find({ photos: objectId }, { _id: 1 }),
    CaseEventModel.find({ attachments: objectId }, { _id: 1 }),
    // Visit content is stored as validated JSON: photo ids are strings there.
    VisitModel.find({ 'content.photos': fileId }, { _id: 1 }),
  ])
  return [
    ...cases.map((row) => ({ kind: 'case' as const, id: String(row._id) })),
    ...events.map((row) => ({ kind: 'caseEvent' as const, id: String(row._id) })),
    ...visits.map((row) => ({ kind: 'visit' as const, id: String(row._id) })),
  ]
}

/** Records the owners on the file (and on its thumbnail, which is served under the original's id). */
export async function storeFileOwners(fileId: string, owners: readonly FileOwner[]): Promise<void> {
  await filesCollection().updateOne(
    { _id: new mongoose.Types.ObjectId(fileId) },
    { $set: { 'metadata.owners': owners.map(({ kind, id }) => ({ kind, id })) } },
  )
}

export const sameOwners = (a: readonly FileOwner[], b: readonly FileOwner[]) =>
  a.length === b.length &&
  a.every((owner, index) => owner.kind === b[index]?.kind && owner.id === b[index]?.id)

/**
 * Migration for files stored before owners were recorded: derives the owners of every photo
 * listed by a case, a case event or a visit, and stores them. Safe to run again; returns how
 * many files it changed.
 */
export async function backfillFileOwners(): Promise<number> {
  const owners = new Map<string, FileOwner[]>()
  const add = (fileId: unknown, owner: FileOwner) => {
    const key = String(fileId)
    owners.set(key, [...(owners.get(key) ?? []), owner])
  }
  for await (const row of CaseModel.find({}, { photos: 1 }).cursor({ batchSize: 500 }))
    for (const fileId of row.photos) add(fileId, { kind: 'case', id: String(row._id) })
  for await (const row of CaseEventModel.find({}, { attachments: 1 }).cursor({ batchSize: 500 }))
    for (const fileId of row.attachments) add(fileId, { kind: 'caseEvent', id: String(row._id) })
  for await (const row of VisitModel.find({}, { 'content.photos': 1 }).cursor({ batchSize: 500 }))
    for (const fileId of (row.content as { photos?: string[] } | null)?.photos ?? [])
      add(fileId, { kind: 'visit', id: String(row._id) })

  let changed = 0
  for (const [fileId, list] of owners) {
    if (!mongoose.isValidObjectId(fileId)) continue
    const file = await filesCollection().findOne(
      { _id: new mongoose.Types.ObjectId(fileId) },
      { projection: { metadata: 1 } },
    )
    const stored = ((file?.metadata as { owners?: FileOwner[] } | undefined)?.owners ?? []) as FileOwner[]
    if (!file || sameOwners(stored, list)) continue
    await storeFileOwners(fileId, list)
    changed++
  }
  return changed
}

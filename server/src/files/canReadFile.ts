import { AppError } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import { CaseEventModel } from '../cases/caseEvent.model'
import { canReadCase } from '../cases/policy'
import { loadCase } from '../cases/commitChange'
import { UnitModel } from '../units/unit.model'
import { canReadVisit } from '../visits/routes'
import { VisitModel } from '../visits/visit.model'
import { deriveFileOwners, sameOwners, storeFileOwners, type FileOwner } from './fileOwners'

/** Whether the viewer may read the case or visit a photo belongs to (the full view of a case). */
async function ownerReadable(viewer: Viewer, owner: FileOwner): Promise<boolean> {
  if (owner.kind === 'visit') {
    const visit = await VisitModel.findById(owner.id)
    return visit !== null && (await canReadVisit(viewer, visit))
  }
  let caseId = owner.id
  if (owner.kind === 'caseEvent') {
    const event = await CaseEventModel.findById(owner.id, { caseId: 1, public: 1 })
    if (!event) return false
    // Residents never see internal steps, so not their photos either.
    if (viewer.role === 'resident' && !event.public) return false
    caseId = String(event.caseId)
  }
  // A case that no longer exists grants nothing; any other failure (the database) is not a 404.
  const record = await loadCase(caseId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null
    throw error
  })
  if (!record) return false
  const unit = record.unitId ? await UnitModel.findById(record.unitId) : null
  return canReadCase(viewer, record, unit)
}

async function anyReadable(viewer: Viewer, owners: readonly FileOwner[]): Promise<boolean> {
  for (const owner of owners) if (await ownerReadable(viewer, owner)) return true
  return false
}

/**
 * Who may open a photo with a token (signed URLs are handed out only with a view that may show
 * it): its uploader, and whoever may read a case or visit it belongs to. The recorded owners are
 * tried first; when they do not grant it, the owners are derived afresh from the records (files
 * stored before owners were recorded, or attached since) and the record is brought up to date.
 */
export async function canReadFile(
  viewer: Viewer,
  file: { id: string; uploadedBy: string; owners: readonly FileOwner[] | undefined },
): Promise<boolean> {
  if (file.uploadedBy === viewer.userId) return true
  if (file.owners && (await anyReadable(viewer, file.owners))) return true
  const derived = await deriveFileOwners(file.id)
  if (!file.owners || !sameOwners(file.owners, derived)) await storeFileOwners(file.id, derived)
  return anyReadable(viewer, derived)
}

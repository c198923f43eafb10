import { AppError, type CaseAction } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import { isInSubtree } from '../units/unitTree'
import { UnitModel, type UnitDocument } from '../units/unit.model'
import type { CaseDocument } from './case.model'
import { loadCase } from './commitChange'
import { isPublicCase } from './publicView'

const unitActions: readonly CaseAction[] = [
  'accept',
  'reply',
  'transfer',
  'return',
  'resolve',
  'requestExtension',
  'object',
  'addCoUnits',
]
const ownerActions: readonly CaseAction[] = ['rate', 'reopen', 'addInfo', 'recategorize']

/**
 * Who may read a case in full: its resident; the people of every unit that has held it (首问:
 * the first receiver keeps seeing the outcome) and of the units above the current one; admins.
 * Followers are not among them: they read the public view (`caseView`).
 */
export function canReadCase(viewer: Viewer, record: CaseDocument, currentUnit: UnitDocument | null): boolean {
  if (viewer.role === 'admin') return true
  if (viewer.role === 'resident') return String(record.createdBy) === viewer.userId
  if (!viewer.unitId) return false
  if (record.involvedUnitIds.some((id) => String(id) === viewer.unitId)) return true
  return Boolean(currentUnit && isInSubtree(viewer.unitId, currentUnit))
}

/** Which view of a case someone gets: full, the public view (followers), or none at all. */
export function caseView(
  viewer: Viewer,
  record: CaseDocument,
  currentUnit: UnitDocument | null,
): 'full' | 'public' | null {
  if (canReadCase(viewer, record, currentUnit)) return 'full'
  if (viewer.role === 'resident' && record.followers.some((id) => String(id) === viewer.userId))
    return 'public'
  return null
}

/**
 * "Me too" is open only on cases their resident made public and did not file anonymously:
 * anything else would hand a stranger a way in to a private case.
 */
export function canFollowCase(record: CaseDocument): boolean {
  return isPublicCase(record)
}

/**
 * Who may act: a handler only on cases their own unit is responsible for now; a resident only
 * on their own case; leaders within their subtree; admins (the dispatch centre) anywhere.
 */
export function canActOnCase(
  viewer: Viewer,
  action: CaseAction,
  record: CaseDocument,
  currentUnit: UnitDocument | null,
): boolean {
  if (viewer.role === 'admin') return true
  if (ownerActions.includes(action) && viewer.role === 'resident')
    return String(record.createdBy) === viewer.userId
  if (unitActions.includes(action) && viewer.role === 'handler')
    return Boolean(record.unitId) && String(record.unitId) === viewer.unitId
  // 协办: a co-handling unit adds its part; the lead unit answers the resident.
  if (action === 'contribute' && viewer.role === 'handler')
    return record.coUnitIds.some((id) => String(id) === viewer.unitId)
  if (viewer.role === 'leader')
    return Boolean(viewer.unitId && currentUnit && isInSubtree(viewer.unitId, currentUnit))
  return false
}

/**
 * Contact details go to those who must call the resident back, never when anonymous. Staff get
 * them only through the audited `GET /cases/:id/contact`, and only on a case they may read.
 */
export function canSeeContact(viewer: Viewer, record: CaseDocument): boolean {
  if (String(record.createdBy) === viewer.userId) return true
  if (record.anonymous) return false
  return (
    viewer.role === 'admin' ||
    viewer.role === 'leader' ||
    (viewer.role === 'handler' && String(record.unitId) === viewer.unitId)
  )
}

/**
 * Loads a case with its current unit for someone who may read it. Not 403 otherwise: a case id
 * must not reveal that the case exists to someone who may not see it.
 */
export async function loadReadableCase(viewer: Viewer, caseId: string) {
  const record = await loadCase(caseId)
  const unit = record.unitId ? await UnitModel.findById(record.unitId) : null
  if (!canReadCase(viewer, record, unit)) throw new AppError('NOT_FOUND')
  return { record, unit }
}

/** Like `loadReadableCase`, but also for followers, telling which view they get. */
export async function loadVisibleCase(viewer: Viewer, caseId: string) {
  const record = await loadCase(caseId)
  const unit = record.unitId ? await UnitModel.findById(record.unitId) : null
  const view = caseView(viewer, record, unit)
  if (!view) throw new AppError('NOT_FOUND')
  return { record, unit, view }
}

import { AppError, type CaseAction } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import { isInSubtree } from '../units/unitTree'
import { UnitModel, type UnitDocument } from '../units/unit.model'
import type { CaseDocument } from './case.model'
import { loadCase } from './commitChange'

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
 * Who may read a case: its resident; the people of every unit that has held it (首问: the first
 * receiver keeps seeing the outcome) and of the units above the current one; admins.
 */
export function canReadCase(viewer: Viewer, record: CaseDocument, currentUnit: UnitDocument | null): boolean {
  if (viewer.role === 'admin') return true
  if (viewer.role === 'resident') {
    return (
      String(record.createdBy) === viewer.userId ||
      record.followers.some((id) => String(id) === viewer.userId)
    )
  }
  if (!viewer.unitId) return false
  if (record.involvedUnitIds.some((id) => String(id) === viewer.unitId)) return true
  return Boolean(currentUnit && isInSubtree(viewer.unitId, currentUnit))
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

/** Contact details go to those who must call the resident back, never when anonymous. */
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

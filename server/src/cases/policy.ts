import {
  allowedActions,
  AppError,
  checkAbility,
  type AbilityActor,
  type AbilityFacts,
  type CaseAction,
} from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import { sameTenant } from '../tenants/tenantScope'
import { isInSubtree } from '../units/unitTree'
import { UnitModel, type UnitDocument } from '../units/unit.model'
import type { CaseDocument } from './case.model'
import { loadCase } from './commitChange'
import { isPublicCase } from './publicView'

/**
 * Who may read a case in full: its resident; the people of every unit that has held it (首问:
 * the first receiver keeps seeing the outcome) and of the units above the current one; admins.
 * Followers are not among them: they read the public view (`caseView`).
 */
export function canReadCase(viewer: Viewer, record: CaseDocument, currentUnit: UnitDocument | null): boolean {
  if (viewer.role === 'admin') return sameTenant(viewer, record)
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

/** The facts about a case that the shared abilities module decides on. */
export function abilityFacts(record: CaseDocument): AbilityFacts {
  return {
    status: record.status,
    createdBy: String(record.createdBy),
    unitId: record.unitId ? String(record.unitId) : null,
    coUnitIds: record.coUnitIds.map(String),
    reopenCount: record.reopenCount,
    objectionPending: record.objection?.status === 'pending',
    extensionPending: record.extension?.status === 'pending',
    dueAt: record.deadlines.dueAt ?? null,
    ownerLeaderId: record.ownerLeaderId ? String(record.ownerLeaderId) : null,
    flagLevel: record.supervision?.flag?.level ?? null,
    rated: Boolean(record.rating?.value),
  }
}

/** The viewer as the abilities module sees them: a leader reaches the units of their subtree. */
export function abilityActor(
  viewer: Viewer,
  currentUnit: Pick<UnitDocument, '_id' | 'path'> | null,
): AbilityActor {
  return {
    userId: viewer.userId,
    role: viewer.role,
    unitId: viewer.unitId,
    overseesCurrentUnit: Boolean(viewer.unitId && currentUnit && isInSubtree(viewer.unitId, currentUnit)),
  }
}

/** May the viewer take this action on the case now? (see `checkAbility` in shared) */
export function checkCaseAbility(
  viewer: Viewer,
  action: CaseAction,
  record: CaseDocument,
  currentUnit: Pick<UnitDocument, '_id' | 'path'> | null,
  now: Date,
) {
  return checkAbility(abilityActor(viewer, currentUnit), action, abilityFacts(record), now)
}

/** The actions sent with a case, so the client shows exactly what the server will accept. */
export function caseAllowedActions(
  viewer: Viewer,
  record: CaseDocument,
  currentUnit: Pick<UnitDocument, '_id' | 'path'> | null,
  now: Date,
): CaseAction[] {
  return allowedActions(abilityActor(viewer, currentUnit), abilityFacts(record), now)
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

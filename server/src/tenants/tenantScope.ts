import { AppError } from '@minqing/shared'
import type { Types } from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { defaultTenantId } from './defaultTenant'

type TenantRef = Types.ObjectId | string | null | undefined

/** A record's tenant: a missing `tenantId` is the default tenant (records from before tenants). */
export function tenantOf(record: { tenantId?: TenantRef } | null | undefined): string {
  return String(record?.tenantId ?? defaultTenantId)
}

/** True for a city-level account: an admin without a tenant sees every tenant. */
export function isCityLevel(viewer: Pick<Viewer, 'tenantId'>): boolean {
  return !viewer.tenantId
}

/**
 * The one filter every admin and staff read adds: `{}` for a city-level viewer, else the viewer's
 * tenant — for the default tenant also the records stored before tenants existed (no tenantId).
 */
export function scopeFilter(viewer: Pick<Viewer, 'tenantId'>, field = 'tenantId'): Record<string, unknown> {
  if (!viewer.tenantId) return {}
  // `$in` with null also matches a missing field; not `$or`, which callers' filters often use.
  if (viewer.tenantId === String(defaultTenantId)) return { [field]: { $in: [defaultTenantId, null] } }
  return { [field]: viewer.tenantId }
}

/** True when the viewer may see a record of this tenant. */
export function sameTenant(
  viewer: Pick<Viewer, 'tenantId'>,
  record: { tenantId?: TenantRef } | null,
): boolean {
  return !viewer.tenantId || tenantOf(record) === viewer.tenantId
}

/**
 * A foreign tenant's record is answered 404 NOT_FOUND, never 403: its id must not reveal that
 * it exists to an admin of another district.
 */
export function assertSameTenant(viewer: Pick<Viewer, 'tenantId'>, record: { tenantId?: TenantRef } | null) {
  if (!record || !sameTenant(viewer, record)) throw new AppError('NOT_FOUND')
}

/** The tenant a write by this viewer is stamped with (city-level: the given one, else default). */
export function writeTenant(viewer: Pick<Viewer, 'tenantId'>, chosen?: TenantRef): Types.ObjectId | string {
  return viewer.tenantId ?? chosen ?? defaultTenantId
}

/** The tenant of a unit (its root's, copied down when the unit was created). */
export async function tenantOfUnitId(unitId: TenantRef): Promise<string | null> {
  if (!unitId) return null
  const unit = await UnitModel.findById(unitId, { tenantId: 1 }).lean()
  return unit ? tenantOf(unit) : null
}

/** 404 unless the unit exists and belongs to the viewer's tenant (a unit named in a body). */
export async function assertUnitInTenant(viewer: Pick<Viewer, 'tenantId'>, unitId: TenantRef) {
  if (!unitId || !viewer.tenantId) return
  const tenant = await tenantOfUnitId(unitId)
  if (tenant !== null && tenant !== viewer.tenantId) throw new AppError('NOT_FOUND')
}

/**
 * A user's tenant: an admin's own (null = city level, above every tenant); anyone else's stored
 * copy of their unit's, missing = default. Residents are nobody's to manage but the city's.
 */
export function tenantOfUserRecord(user: { role: string; tenantId?: TenantRef }): string | null {
  if (user.role === 'admin') return user.tenantId ? String(user.tenantId) : null
  if (user.role === 'resident') return user.tenantId ? String(user.tenantId) : null
  return tenantOf(user)
}

/**
 * The users a tenant admin manages: their tenant's staff and admins, never a city-level admin.
 * One `$and` key, so a caller's own `role` or `tenantId` condition beside it narrows the scope
 * instead of replacing it (`{ role: 'leader', ...scope }` used to become `role: {$nin: …}`);
 * callers with their own `$and` add to it with `withUserScope`.
 */
export function userScopeFilter(viewer: Pick<Viewer, 'tenantId'>): { $and?: Array<Record<string, unknown>> } {
  if (!viewer.tenantId) return {}
  if (viewer.tenantId === String(defaultTenantId))
    return {
      $and: [{ tenantId: { $in: [defaultTenantId, null] } }, { role: { $nin: ['admin', 'resident'] } }],
    }
  return { $and: [{ tenantId: viewer.tenantId }] }
}

/** A filter narrowed to the users the viewer manages, keeping the filter's own `$and`. */
export function withUserScope<T extends { $and?: unknown[] }>(
  viewer: Pick<Viewer, 'tenantId'>,
  filter: T,
): T {
  const scope = userScopeFilter(viewer).$and ?? []
  if (!scope.length) return filter
  return { ...filter, $and: [...(filter.$and ?? []), ...scope] }
}

/** 404 for a user outside the viewer's tenant (a city-level admin included). */
export function assertUserInTenant(
  viewer: Pick<Viewer, 'tenantId'>,
  user: { role: string; tenantId?: TenantRef } | null,
) {
  if (!user) throw new AppError('NOT_FOUND')
  if (viewer.tenantId && tenantOfUserRecord(user) !== viewer.tenantId) throw new AppError('NOT_FOUND')
}

/** The ids of the viewer's tenant's units; null for a city-level viewer (no restriction). */
export async function tenantUnitIds(viewer: Pick<Viewer, 'tenantId'>): Promise<Types.ObjectId[] | null> {
  if (!viewer.tenantId) return null
  const units = await UnitModel.find(scopeFilter(viewer), { _id: 1 }).lean()
  return units.map((unit) => unit._id)
}

/** For a tenant admin: may they see a record held by this unit? (city level: always) */
export async function unitWithinTenant(
  viewer: Pick<Viewer, 'tenantId'>,
  unitId: TenantRef,
): Promise<boolean> {
  if (!viewer.tenantId) return true
  return (await tenantOfUnitId(unitId)) === viewer.tenantId
}

/**
 * Deployment-wide operations (the rollup rebuild, the dispatch model's training, the import of
 * historical cases, the outbox of messages to the outside): a city-level admin's only. Districts
 * configure their own categories, calendars, time limits and consultations (categories/,
 * settings/, topics/), never another's.
 */
export function assertCityLevel(viewer: Pick<Viewer, 'tenantId'>) {
  if (viewer.tenantId) throw new AppError('CITY_LEVEL_ONLY')
}

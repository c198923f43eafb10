import { queueKey } from '@minqing/shared'
import type { Types } from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { scopeFilter, tenantUnitIds } from '../tenants/tenantScope'
import { subtreeUnitIds } from '../units/unitTree'

/**
 * The units whose figures a viewer may see: a leader's own unit and everything below it; null
 * (no limit) for admins. The same rule as the rates, ranking and visit figures.
 */
export async function statsScope(viewer: Viewer): Promise<Types.ObjectId[] | null> {
  // Rollups are kept per unit, so a tenant admin's figures are those of their district's units
  // plus their district's intake queue (`statsQueues`).
  if (viewer.role === 'admin') return tenantUnitIds(viewer)
  return viewer.role === 'leader' && viewer.unitId ? subtreeUnitIds(viewer.unitId) : null
}

/**
 * The intake queues (cases filed in a district that no unit holds yet) whose figures a viewer
 * sees: an admin their district's (a city-level admin every district's), a leader none — the
 * queue is no unit's. `keys` are the rollup keys (null = every queue); `cases` selects the
 * queued cases themselves for the figures counted from cases (pending, workload).
 */
export function statsQueues(
  viewer: Viewer,
): { keys: string[] | null; cases: Record<string, unknown> } | null {
  if (viewer.role !== 'admin') return null
  return {
    keys: viewer.tenantId ? [queueKey(viewer.tenantId)] : null,
    cases: { unitId: null, ...scopeFilter(viewer) },
  }
}

/** The rollup keys a viewer's figures are summed over: units and queues; null = every key. */
export async function statsRollupKeys(viewer: Viewer): Promise<Set<string> | null> {
  const units = await statsScope(viewer)
  if (!units) return null
  const queues = statsQueues(viewer)
  return new Set([...units.map(String), ...(queues?.keys ?? [])])
}

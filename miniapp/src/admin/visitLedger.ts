import type { Unit } from '@minqing/shared'

/** The export route's path for a period and (optionally) one unit's subtree. */
export function visitLedgerPath(
  format: 'xlsx' | 'csv',
  query: { from: string; to: string; unitId?: string },
) {
  const params = new URLSearchParams({ from: query.from, to: query.to })
  if (query.unitId) params.set('unitId', query.unitId)
  return `/exports/visits.${format}?${params.toString()}`
}

/**
 * The units a person may pick for the ledger: an admin any active unit; a leader their own unit
 * and those below it (the server scopes leaders the same way and refuses any other unit).
 */
export function unitsForLedger(units: Unit[], viewer: { role: string; unitId?: string | null }): Unit[] {
  const active = units.filter((unit) => !unit.disabled)
  if (viewer.role === 'admin') return active
  const own = viewer.unitId
  if (!own) return []
  return active.filter((unit) => unit.id === own || unit.path.includes(own))
}

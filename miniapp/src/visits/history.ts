import type { VisitSummary } from '@minqing/shared'
import type { LocalVisit, SyncState } from './queue'

/** One line of 我的走访: a visit held on this phone, or one only the server has (another phone). */
export type VisitRow =
  | { origin: 'local'; key: string; state: SyncState; visitedAt: string; visit: LocalVisit }
  | { origin: 'server'; key: string; state: 'synced'; visitedAt: string; visit: VisitSummary }

const unsent = (state: SyncState) => state !== 'synced'

/**
 * The phone's queue merged with the server's history, so a new phone shows every visit and none
 * twice: a server visit the phone also holds (same clientId) is shown once, from the phone, with
 * the phone's sync state. Visits still to send come first, then the rest newest first.
 */
export function mergeHistory(local: readonly LocalVisit[], server: readonly VisitSummary[]): VisitRow[] {
  const onPhone = new Set(local.map((visit) => visit.clientId))
  const rows: VisitRow[] = [
    ...local.map((visit) => ({
      origin: 'local' as const,
      key: `local:${visit.clientId}`,
      state: visit.state,
      visitedAt: visit.form.visitedAt,
      visit,
    })),
    ...server
      .filter((visit) => !onPhone.has(visit.clientId))
      .map((visit) => ({
        origin: 'server' as const,
        key: `server:${visit.id}`,
        state: 'synced' as const,
        visitedAt: visit.visitedAt,
        visit,
      })),
  ]
  const time = (row: VisitRow) => Date.parse(row.visitedAt) || 0
  return rows.sort(
    (a, b) =>
      Number(unsent(b.state)) - Number(unsent(a.state)) ||
      time(b) - time(a) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
}

/** Adds a page of server history to what is already shown, once per visit. */
export function appendPage(shown: readonly VisitSummary[], page: readonly VisitSummary[]): VisitSummary[] {
  const known = new Set(shown.map((visit) => visit.id))
  return [...shown, ...page.filter((visit) => !known.has(visit.id))]
}

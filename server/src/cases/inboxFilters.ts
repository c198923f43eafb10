import type { CaseStatus } from '@minqing/shared'
import type { FilterQuery } from 'mongoose'
import type { CaseRecord } from './case.model'

/**
 * A unit's inbox as plain equalities, one per (lead or 协办 unit) × status: the shape FerretDB
 * pushes down to PostgreSQL and its GIN indexes serve (a `$or` of `$in`s it reads in full).
 * `common` holds the other filters of the list (console filters, overdue).
 */
export function inboxFilters(
  unitId: string,
  statuses: readonly CaseStatus[],
  common: FilterQuery<CaseRecord> = {},
): FilterQuery<CaseRecord>[] {
  return (['unitId', 'coUnitIds'] as const).flatMap((field) =>
    statuses.map((status) => ({ ...common, [field]: unitId, status })),
  )
}

import {
  emptyPending,
  openStatuses,
  runningClock,
  signForClockStart,
  type PendingCounts,
} from '@minqing/shared'
import type { Types } from 'mongoose'
import { CaseModel } from '../cases/case.model'

/**
 * Per group (unit or top category), the cases received by the end of the period whose window
 * is still open now — and the open ones whose answer deadline fell in the period and has passed. Counted from the cases (a
 * snapshot), so a case inside its window is shown as pending instead of missed.
 */
export async function pendingCounts(
  now: Date,
  period: { from: Date; to: Date },
  scope: Types.ObjectId[] | null,
  groupOf: (record: { unitId?: unknown; tenantId?: unknown; categoryCode: string }) => string,
  /** The queued cases (no unit yet) the viewer's figures include (stats/scope.ts `statsQueues`). */
  queued: Record<string, unknown> | null = null,
): Promise<Map<string, PendingCounts>> {
  const status = { $in: [...openStatuses, 'resolved'] }
  const fields = {
    status: 1,
    unitId: 1,
    tenantId: 1,
    categoryCode: 1,
    submittedAt: 1,
    unitReceivedAt: 1,
    deadlines: 1,
  }
  // Two equality-led queries, not one `$or` (FerretDB pushes no `$or` down).
  const [held, waiting] = await Promise.all([
    CaseModel.find({ status, unitId: scope ? { $in: scope } : { $ne: null } }, fields).lean(),
    queued ? CaseModel.find({ ...queued, status }, fields).lean() : [],
  ])
  const records = [...held, ...waiting]
  const groups = new Map<string, PendingCounts>()
  for (const record of records) {
    // Only cases the holding unit had received by the end of the period belong to it.
    if (signForClockStart(record) > period.to) continue
    const key = groupOf(record)
    const counts = groups.get(key) ?? emptyPending()
    groups.set(key, counts)
    if (record.status === 'resolved') {
      counts.ratingPending++
      continue
    }
    const clock = runningClock(record)
    if (!clock) continue
    if (clock.dueAt > now) {
      if (clock.kind === 'signFor') counts.signForPending++
      else counts.answerPending++
    } else if (clock.kind === 'answer' && clock.dueAt >= period.from && clock.dueAt <= period.to) {
      counts.openOverdue++
    }
  }
  return groups
}

import { AppError } from '@minqing/shared'
import type { AppDeps } from '../http/deps'
import { notifyCaseEvent } from '../notifications/notifyCaseEvent'
import { mayCloseUnrated } from '../ratings/chaseRatings'
import { CaseModel } from './case.model'
import { commitChange, loadCase } from './commitChange'

/**
 * Closes resolved cases whose rating window has passed, as "no rating" (未评价). Safe to run on
 * several instances at once: each close is an event-first commit, so a case closed by another
 * instance meanwhile is simply skipped (CASE_CHANGED).
 */
export async function closeUnratedCases(deps: AppDeps, limit = 200): Promise<number> {
  const now = deps.clock.now()
  const due = await CaseModel.find(
    { status: 'resolved', 'deadlines.ratingBy': { $lte: now } },
    { _id: 1 },
  ).limit(limit)
  let closed = 0
  for (const { _id } of due) {
    const record = await loadCase(String(_id))
    if (record.status !== 'resolved') continue
    // A caller without the app is asked by SMS and phone first (issue 14's rating policy).
    if (!(await mayCloseUnrated(deps, record))) continue
    try {
      const updated = await commitChange(
        record,
        { to: 'closed', set: { closedAt: now, closedReason: 'noRating' }, inc: {}, involveUnitIds: [] },
        {
          action: 'close',
          actor: { userId: null, role: 'system', unitId: null },
          at: now,
          reason: '评价期满未评价，自动销号',
          public: true,
        },
      )
      await notifyCaseEvent(deps, updated, 'close', null)
      closed++
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CASE_CHANGED')) throw error
    }
  }
  return closed
}

import { chinaDate } from '../calendar/workingDays'

export type RevisitState = 'ok' | 'dueSoon' | 'overdue'

/**
 * When a paired household is next due for a visit: every `revisitEveryDays` after the last
 * visit (or after pairing, when never visited), counted in China-time calendar days. "Due soon"
 * is the last 3 days before the due date, so the reminder comes while there is still time.
 */
export function revisitDue(
  pairedAt: Date,
  lastVisitAt: Date | null,
  revisitEveryDays: number,
  now: Date,
): { dueOn: string; state: RevisitState; daysLeft: number } {
  const from = chinaDate(lastVisitAt && lastVisitAt > pairedAt ? lastVisitAt : pairedAt).startOf('day')
  const due = from.add(revisitEveryDays, 'day')
  const today = chinaDate(now).startOf('day')
  const daysLeft = due.diff(today, 'day')
  const state: RevisitState = daysLeft < 0 ? 'overdue' : daysLeft <= 3 ? 'dueSoon' : 'ok'
  return { dueOn: due.format('YYYY-MM-DD'), state, daysLeft }
}

/**
 * How a visit, a problem and a solved case are counted, for every figure that counts them: the
 * campaign report, each member's campaign progress and the periodic brief (工作简报). One rule
 * each, so 出动人次 or 解决问题 means the same on every page that prints it.
 */

/** Case states that count as solved (a rejected request has its own status, not among them). */
const solvedStatuses: readonly string[] = ['resolved', 'closed']
/** Closed without being solved itself: a duplicate merged into its original, counted there. */
const unsolvedClosings = ['merged']

/** 解决问题: the case is resolved or closed, and was not merged into another. */
export function isSolvedCase(record: { status: string; closedReason?: string | null }): boolean {
  return solvedStatuses.includes(record.status) && !unsolvedClosings.includes(record.closedReason ?? '')
}

/** The same rule as a query filter, for counting in the database. */
export const solvedCaseFilter = {
  status: { $in: [...solvedStatuses] },
  closedReason: { $nin: unsolvedClosings },
}

/** 出动人次 of one visit: each visitor once (a visit always had at least its recorder). */
export function visitTurnouts(visit: { visitorIds: readonly unknown[] }): number {
  return Math.max(1, visit.visitorIds.length)
}

/**
 * 收集问题 of one visit: each problem the visitor registered, whether or not its case has been
 * filed yet (filing can lag behind an offline sync).
 */
export function visitProblems(visit: {
  content: unknown
  problemCaseIds?: readonly unknown[] | null
}): number {
  const registered = (visit.content as { problems?: unknown[] } | null)?.problems?.length ?? 0
  return Math.max(registered, visit.problemCaseIds?.length ?? 0)
}

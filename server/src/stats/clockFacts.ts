import type { RollupFacts } from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'

/**
 * What the rate definitions need to know about the running clock at an event: which one ran
 * (the status before the event) and whether the watch had already counted its deadline as missed.
 */
export function clockFacts(record: CaseDocument): Pick<RollupFacts, 'status' | 'overdueMarked'> {
  const dueAt = record.deadlines?.dueAt
  const marked = record.supervision?.overdueFor
  return {
    status: record.status,
    overdueMarked: Boolean(dueAt && marked && dueAt.getTime() === marked.getTime()),
  }
}

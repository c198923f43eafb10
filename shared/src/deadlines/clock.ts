import type { CaseStatus } from '../cases/schemas'
import { timeState, type TimeState } from './timeLimits'

/** Statuses in which the holding unit has not signed for the case yet: the sign-for clock runs. */
export const awaitingSignatureStatuses: readonly CaseStatus[] = ['dispatched', 'transferred']

/** What a case record holds about its clocks (server documents and presented cases both fit). */
export interface ClockFacts {
  status: CaseStatus
  submittedAt: Date
  /** When the unit holding the case received it (dispatch, transfer, re-dispatch). */
  unitReceivedAt?: Date | null
  deadlines: {
    /** When the answer clock started: signing for the case, or reopening it. */
    clockStartedAt?: Date | null
    /** The deadline that runs now; null when nothing is due. */
    dueAt?: Date | null
  }
}

export interface RunningClock {
  kind: 'signFor' | 'answer'
  startedAt: Date
  dueAt: Date
}

/**
 * When the clock that runs now started — the one rule for the deadline watch, the supervision
 * board, the presented case and the statistics. While the case waits to be signed for, the
 * sign-for clock runs from the moment the holding unit received it (a transfer starts a new one);
 * once signed for, the answer clock runs from signing (or reopening).
 */
export function signForClockStart(facts: Omit<ClockFacts, 'deadlines' | 'status'>): Date {
  return facts.unitReceivedAt ?? facts.submittedAt
}

export function runningClock(facts: ClockFacts): RunningClock | null {
  const dueAt = facts.deadlines.dueAt
  if (!dueAt) return null
  if (awaitingSignatureStatuses.includes(facts.status))
    return { kind: 'signFor', startedAt: signForClockStart(facts), dueAt }
  return { kind: 'answer', startedAt: facts.deadlines.clockStartedAt ?? signForClockStart(facts), dueAt }
}

/** On time, warning or overdue by the running clock; null when nothing is due. */
export function caseTimeState(
  now: Date,
  facts: ClockFacts,
  warnShare: number,
): { state: TimeState; msLeft: number; clock: RunningClock['kind'] } | null {
  const clock = runningClock(facts)
  if (!clock) return null
  return { ...timeState(now, clock.startedAt, clock.dueAt, warnShare), clock: clock.kind }
}

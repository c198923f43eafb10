import { describe, expect, it } from 'vitest'
import { caseTimeState, runningClock } from './clock'

const cst = (text: string) => new Date(`${text}+08:00`)

describe('one rule for when the running clock started', () => {
  const submittedAt = cst('2026-03-02T09:00:00')
  const acceptedAt = cst('2026-03-02T10:00:00')

  it('a case transferred three days after acceptance runs a fresh sign-for clock from the transfer', () => {
    const transferredAt = cst('2026-03-05T10:00:00')
    const record = {
      status: 'transferred' as const,
      submittedAt,
      unitReceivedAt: transferredAt,
      deadlines: { clockStartedAt: acceptedAt, dueAt: cst('2026-03-05T12:00:00') },
    }
    expect(runningClock(record)).toEqual({
      kind: 'signFor',
      startedAt: transferredAt,
      dueAt: cst('2026-03-05T12:00:00'),
    })
    // Ten minutes after the transfer: 8 % of the new clock is used, so on time — for everyone.
    expect(caseTimeState(cst('2026-03-05T10:10:00'), record, 0.8)!.state).toBe('on_time')
  })

  it('once signed for, the answer clock runs from signing', () => {
    const record = {
      status: 'accepted' as const,
      submittedAt,
      unitReceivedAt: submittedAt,
      deadlines: { clockStartedAt: acceptedAt, dueAt: cst('2026-03-11T23:59:59') },
    }
    expect(runningClock(record)).toMatchObject({ kind: 'answer', startedAt: acceptedAt })
  })

  it('nothing runs when nothing is due', () => {
    const record = { status: 'resolved' as const, submittedAt, deadlines: { dueAt: null } }
    expect(runningClock(record)).toBeNull()
    expect(caseTimeState(cst('2026-03-03T00:00:00'), record, 0.8)).toBeNull()
  })
})

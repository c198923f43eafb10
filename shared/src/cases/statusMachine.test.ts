import { describe, expect, it } from 'vitest'
import { roles } from '../auth/roles'
import { checkTransition, rateOutcome, statusAfterReply, transitions } from './statusMachine'
import { caseStatuses, type CaseAction } from './schemas'

describe('case status machine', () => {
  it('walks the happy path: submitted → dispatched → accepted → replied → resolved → closed', () => {
    expect(checkTransition('submitted', 'dispatch', 'admin')).toEqual({ ok: true, to: 'dispatched' })
    expect(checkTransition('dispatched', 'accept', 'handler')).toEqual({ ok: true, to: 'accepted' })
    expect(statusAfterReply('accepted', true)).toBe('replied')
    expect(checkTransition('replied', 'resolve', 'handler')).toEqual({ ok: true, to: 'resolved' })
    expect(checkTransition('resolved', 'rate', 'resident')).toEqual({ ok: true, to: 'closed' })
  })

  it('checks every action against every status and role exactly as the table says', () => {
    for (const [action, rule] of Object.entries(transitions) as Array<
      [CaseAction, (typeof transitions)[CaseAction]]
    >) {
      for (const status of caseStatuses) {
        for (const role of roles) {
          const result = checkTransition(status, action, role)
          const allowed = rule.roles.includes(role) && rule.from.includes(status)
          expect(result.ok, `${action} from ${status} by ${role}`).toBe(allowed)
          if (!result.ok) {
            expect(result.reason).toBe(rule.roles.includes(role) ? 'invalid_from_status' : 'role_not_allowed')
          }
        }
      }
    }
  })

  it('forbids what must never happen', () => {
    expect(checkTransition('submitted', 'accept', 'handler').ok).toBe(false) // not dispatched yet
    expect(checkTransition('closed', 'resolve', 'handler').ok).toBe(false)
    expect(checkTransition('resolved', 'rate', 'handler').ok).toBe(false) // only the resident rates
    expect(checkTransition('dispatched', 'dispatch', 'admin').ok).toBe(false)
    expect(checkTransition('rejected', 'accept', 'handler').ok).toBe(false)
    expect(checkTransition('submitted', 'dispatch', 'handler')).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    })
  })

  it('an internal note marks the case in progress without telling the resident it was answered', () => {
    expect(statusAfterReply('accepted', false)).toBe('in_progress')
    expect(statusAfterReply('replied', false)).toBe('replied')
    expect(statusAfterReply('reopened', true)).toBe('replied')
  })

  it('不满意 reopens once and flags supervision; the second time it closes', () => {
    expect(rateOutcome('satisfied', 0)).toEqual({ status: 'closed', flagForSupervision: false })
    expect(rateOutcome('basically_satisfied', 1)).toEqual({ status: 'closed', flagForSupervision: false })
    expect(rateOutcome('unsatisfied', 0)).toEqual({ status: 'reopened', flagForSupervision: true })
    expect(rateOutcome('unsatisfied', 1)).toEqual({ status: 'closed', flagForSupervision: true })
  })
})

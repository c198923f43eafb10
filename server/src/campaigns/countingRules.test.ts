import { describe, expect, it } from 'vitest'
import { isSolvedCase, visitProblems, visitTurnouts } from './countingRules'

describe('campaign counting rules', () => {
  it('counts a case as solved when resolved or closed, not when merged, rejected or open', () => {
    expect(isSolvedCase({ status: 'resolved' })).toBe(true)
    expect(isSolvedCase({ status: 'closed', closedReason: 'rated' })).toBe(true)
    expect(isSolvedCase({ status: 'closed', closedReason: 'merged' })).toBe(false)
    expect(isSolvedCase({ status: 'rejected' })).toBe(false)
    expect(isSolvedCase({ status: 'accepted' })).toBe(false)
  })

  it('counts each visitor once and each registered problem, filed as a case or not yet', () => {
    expect(visitTurnouts({ visitorIds: ['a', 'b'] })).toBe(2)
    expect(visitTurnouts({ visitorIds: [] })).toBe(1)
    expect(visitProblems({ content: { problems: [{}, {}] }, problemCaseIds: ['c1'] })).toBe(2)
    expect(visitProblems({ content: {}, problemCaseIds: ['c1'] })).toBe(1)
    expect(visitProblems({ content: null })).toBe(0)
  })
})

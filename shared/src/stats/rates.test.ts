import { describe, expect, it } from 'vitest'
import { addCounts, emptyCounts, emptyPending, rankingScore, rollupContributions, threeRates } from './rates'

const cst = (text: string) => new Date(`${text}+08:00`)
const facts = {
  unitId: 'u1',
  categoryCode: 'culture.library',
  acceptBy: cst('2026-03-02T11:00:00'),
  answerBy: cst('2026-03-10T23:59:59'),
}

describe('rollup contributions', () => {
  it('counts receipt for the new unit and a transfer out for the old, by China-time day', () => {
    const transfer = rollupContributions({
      action: 'transfer',
      at: new Date('2026-03-02T17:30:00Z'), // 01:30 on the 3rd in China
      to: 'transferred',
      data: { facts: { ...facts, newUnitId: 'u2' } },
    })
    expect(transfer).toEqual([
      { day: '2026-03-03', unitId: 'u2', categoryCode: 'culture.library', counts: { received: 1 } },
      { day: '2026-03-03', unitId: 'u1', categoryCode: 'culture.library', counts: { transferredOut: 1 } },
    ])
  })

  it('tells on-time signing and resolving from late ones, and counts a case due once', () => {
    const accept = (at: string) =>
      rollupContributions({ action: 'accept', at: cst(at), to: 'accepted', data: { facts } })[0]!.counts
    expect(accept('2026-03-02T10:59:00')).toEqual({ accepted: 1, acceptedOnTime: 1 })
    expect(accept('2026-03-02T11:01:00')).toEqual({ accepted: 1, acceptedOnTime: 0 })
    const resolve = (at: string) =>
      rollupContributions({ action: 'resolve', at: cst(at), to: 'resolved', data: { facts } })[0]!.counts
    expect(resolve('2026-03-09T12:00:00')).toEqual({ resolved: 1, resolvedOnTime: 1, due: 1 })
    // Late: it was already counted due by the overdue event, so not again.
    expect(resolve('2026-03-12T12:00:00')).toEqual({ resolved: 1 })
    expect(
      rollupContributions({
        action: 'overdue',
        at: cst('2026-03-11T00:00:00'),
        to: 'accepted',
        data: { facts },
      })[0]!.counts,
    ).toEqual({ overdue: 1, due: 1 })
  })

  it('counts ratings, 不满意 reopening, and nothing for events without facts', () => {
    const rate = rollupContributions({
      action: 'rate',
      at: cst('2026-03-12T09:00:00'),
      to: 'reopened',
      data: { facts, rating: 'unsatisfied' },
    })
    expect(rate[0]!.counts).toEqual({
      rated: 1,
      satisfied: 0,
      basicallySatisfied: 0,
      unsatisfied: 1,
      reopened: 1,
    })
    expect(rollupContributions({ action: 'rate', at: new Date(), to: 'closed', data: {} })).toEqual([])
  })
})

describe('the three rates', () => {
  it('divides as defined, on a hand-computed example', () => {
    const counts = addCounts(emptyCounts(), {
      received: 9, // one still inside its sign-for window: not divided
      signForDue: 8,
      respondedOnTime: 7,
      acceptedOnTime: 6,
      resolved: 4,
      due: 5,
      resolvedOnTime: 4,
      rated: 4,
      satisfied: 2,
      basicallySatisfied: 1,
      unsatisfied: 1,
    })
    expect(threeRates(counts, { ...emptyPending(), openOverdue: 1 })).toEqual({
      responseRate: 0.875,
      signForRate: 0.75,
      completionRate: 0.8,
      resolutionRate: 0.8,
      satisfactionRate: 0.75,
    })
  })

  it('is null where there is nothing to divide (an empty period)', () => {
    expect(threeRates(emptyCounts())).toEqual({
      responseRate: null,
      signForRate: null,
      completionRate: null,
      resolutionRate: null,
      satisfactionRate: null,
    })
  })

  it('scores units by weighted rates, leaving out what cannot be computed', () => {
    expect(rankingScore({ responseRate: 0.75, resolutionRate: 0.8, satisfactionRate: 0.75 })).toBe(77)
    // Only two rates: their weights (0.3 and 0.4) carry the score.
    expect(rankingScore({ responseRate: 1, resolutionRate: 0.5, satisfactionRate: null })).toBe(71.4)
    expect(rankingScore({ responseRate: null, resolutionRate: null, satisfactionRate: null })).toBeNull()
    expect(
      rankingScore(
        { responseRate: 1, resolutionRate: 0, satisfactionRate: 0 },
        { responseRate: 1, resolutionRate: 0, satisfactionRate: 0 },
      ),
    ).toBe(100)
  })
})

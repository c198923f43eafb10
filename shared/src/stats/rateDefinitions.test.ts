import { describe, expect, it } from 'vitest'
import { china2026 } from '../calendar/china2026'
import { acceptDeadline, defaultTimeLimits } from '../deadlines/timeLimits'
import {
  addCounts,
  emptyCounts,
  rollupContributions,
  threeRates,
  type RollupEvent,
  type RollupFacts,
} from './rates'
import { rankable, rankingNote } from './ranking'

const cst = (text: string) => new Date(`${text}+08:00`)
const signForBy = (at: string) =>
  acceptDeadline(cst(at), defaultTimeLimits, china2026, { urgency: 'general', unitId: 'u1' })

/** Sums what a list of events adds for one unit, as the rollups would over a period. */
function countsOf(unitId: string, events: RollupEvent[]) {
  const total = emptyCounts()
  for (const event of events)
    for (const row of rollupContributions(event)) if (row.unitId === unitId) addCounts(total, row.counts)
  return total
}
const event = (
  action: string,
  at: string,
  to: string,
  facts: Partial<RollupFacts>,
  rating?: string,
): RollupEvent => ({
  action,
  at: cst(at),
  to,
  data: { facts: { unitId: 'u1', categoryCode: 'culture.library', ...facts }, rating },
})

describe('each rate over the cases whose window has closed (hand-computed)', () => {
  // A: received Monday 09:00, signed 10:00, resolved on time, rated 满意.
  const a = { acceptBy: signForBy('2026-03-02T09:00:00'), answerBy: cst('2026-03-11T23:59:59') }
  // B: sent Tuesday 22:30 (night): the sign-for limit is Wednesday 11:00; signed 10:30, on time.
  const b = { acceptBy: signForBy('2026-03-03T22:30:00'), answerBy: cst('2026-03-13T23:59:59') }
  // D: received Monday 09:00 by u1, passed on to u2 (transfer) at 09:40, within the window.
  const d = { acceptBy: signForBy('2026-03-02T09:00:00') }
  // E: signed on time, its answer deadline passed unresolved (open and overdue).
  const e = { acceptBy: signForBy('2026-03-02T09:00:00'), answerBy: cst('2026-03-11T23:59:59') }
  // F: never signed; the watch marked it overdue at the sign-for deadline.
  const f = { acceptBy: signForBy('2026-03-05T09:00:00') }
  const events = [
    event('dispatch', '2026-03-02T09:00:00', 'dispatched', { ...a, unitId: null, newUnitId: 'u1' }),
    event('accept', '2026-03-02T10:00:00', 'accepted', { ...a, status: 'dispatched' }),
    event('resolve', '2026-03-06T10:00:00', 'resolved', { ...a, status: 'accepted' }),
    event('rate', '2026-03-07T10:00:00', 'closed', { ...a, status: 'resolved' }, 'satisfied'),
    event('dispatch', '2026-03-03T22:30:00', 'dispatched', { ...b, unitId: null, newUnitId: 'u1' }),
    event('accept', '2026-03-04T10:30:00', 'accepted', { ...b, status: 'dispatched' }),
    event('dispatch', '2026-03-02T09:00:00', 'dispatched', { ...d, unitId: null, newUnitId: 'u1' }),
    event('transfer', '2026-03-02T09:40:00', 'transferred', { ...d, status: 'dispatched', newUnitId: 'u2' }),
    event('dispatch', '2026-03-02T09:00:00', 'dispatched', { ...e, unitId: null, newUnitId: 'u1' }),
    event('accept', '2026-03-02T09:30:00', 'accepted', { ...e, status: 'dispatched' }),
    event('overdue', '2026-03-12T00:01:00', 'accepted', { ...e, status: 'accepted' }),
    event('dispatch', '2026-03-05T09:00:00', 'dispatched', { ...f, unitId: null, newUnitId: 'u1' }),
    event('overdue', '2026-03-05T11:01:00', 'dispatched', { ...f, status: 'dispatched' }),
  ]
  // Now (13 March): C — sent 22:30 on 1 October would still be in its window; here one case
  // received on the 13th at 16:00 is still inside its sign-for window, B inside its answer window.
  const live = { signForPending: 1, answerPending: 1, ratingPending: 0, openOverdue: 1 }
  const counts = countsOf('u1', events)
  const rates = threeRates(counts, live)

  it('the night case is due at 11:00 the next morning, not 00:30', () => {
    expect(b.acceptBy).toEqual(cst('2026-03-04T11:00:00'))
  })

  it('响应率: signed for, or passed on with a reason, within the sign-for window (A, B, D, E of A B D E F)', () => {
    expect(counts).toMatchObject({ signForDue: 5, respondedOnTime: 4, signForLate: 1 })
    expect(rates.responseRate).toBe(4 / 5)
  })

  it('签收率: signed for within the window (A, B, E of five closed windows; the transfer is not a signature)', () => {
    expect(rates.signForRate).toBe(3 / 5)
  })

  it('按时办结率: resolved by the answer deadline, of the cases that came due (A of A and the open-and-overdue E)', () => {
    expect(counts).toMatchObject({ due: 2, resolvedOnTime: 1, overdue: 1 })
    expect(rates.resolutionRate).toBe(1 / 2)
  })

  it('办结率: resolved, of resolved plus open-and-overdue — never 100 % while late cases are open', () => {
    expect(rates.completionRate).toBe(1 / 2)
    expect(threeRates(counts, { ...live, openOverdue: 0 }).completionRate).toBe(1)
  })

  it('满意率: 满意 + 基本满意 of the rated cases', () => {
    expect(rates.satisfactionRate).toBe(1)
  })

  it('a sign-for deadline missed is a late signature, not an answer that came due', () => {
    const missed = countsOf('u1', [
      event('overdue', '2026-03-05T11:01:00', 'dispatched', { ...f, status: 'dispatched' }),
    ])
    expect(missed).toMatchObject({ signForDue: 1, signForLate: 1, due: 0, overdue: 0 })
  })

  it('a deadline missed counts on the day it passed, however late the watch noticed', () => {
    const noticed = rollupContributions(
      event('overdue', '2026-12-02T09:00:00', 'dispatched', {
        acceptBy: cst('2026-11-22T11:00:00'),
        status: 'dispatched',
      }),
    )
    expect(noticed).toEqual([
      expect.objectContaining({ day: '2026-11-22', counts: { signForDue: 1, signForLate: 1 } }),
    ])
  })

  it('a late signature or resolution is counted once, whether or not the watch marked it first', () => {
    const late = { ...a, status: 'dispatched' }
    expect(countsOf('u1', [event('accept', '2026-03-02T11:30:00', 'accepted', late)])).toMatchObject({
      signForDue: 1,
      signForLate: 1,
      acceptedOnTime: 0,
    })
    expect(
      countsOf('u1', [event('accept', '2026-03-02T11:30:00', 'accepted', { ...late, overdueMarked: true })]),
    ).toMatchObject({ signForDue: 0, accepted: 1 })
    const resolvedLate = { ...a, status: 'accepted' }
    expect(countsOf('u1', [event('resolve', '2026-03-12T10:00:00', 'resolved', resolvedLate)])).toMatchObject(
      {
        resolved: 1,
        due: 1,
        overdue: 1,
        resolvedOnTime: 0,
      },
    )
    expect(
      countsOf('u1', [
        event('resolve', '2026-03-12T10:00:00', 'resolved', { ...resolvedLate, overdueMarked: true }),
      ]),
    ).toMatchObject({ resolved: 1, due: 0 })
  })

  it('a case still inside its window is pending, not missed: 7 of 8 unsigned in time is not 12.5 %', () => {
    const oneSigned = countsOf('u1', [
      ...Array.from({ length: 8 }, () =>
        event('dispatch', '2026-03-13T16:00:00', 'dispatched', { ...f, unitId: null, newUnitId: 'u1' }),
      ),
      event('accept', '2026-03-13T16:10:00', 'accepted', {
        acceptBy: signForBy('2026-03-13T16:00:00'),
        status: 'dispatched',
      }),
    ])
    const shown = threeRates(oneSigned, { ...live, signForPending: 7 })
    expect(shown.responseRate).toBe(1)
    expect(oneSigned.received).toBe(8)
  })

  it('ranks only units with enough closed cases, and says so', () => {
    expect(rankable(counts, 5)).toBe(true)
    expect(rankable(counts, 6)).toBe(false)
    expect(rankingNote).toBe('样本不足，不参与排名')
  })
})

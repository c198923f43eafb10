import { describe, expect, it } from 'vitest'
import { revisitDue } from '../pairs/rules'
import { ownershipFollowUp } from './rules'
import { campaignInputSchema } from './schemas'

const cst = (text: string) => new Date(`${text}+08:00`)

describe('带案下访 share', () => {
  it('divides followed-up owned cases by owned cases, ignoring visits to cases not owned', () => {
    expect(ownershipFollowUp(['a', 'b', 'c'], ['a', 'x'], 0.3)).toEqual({
      owned: 3,
      followedUp: 1,
      share: 1 / 3,
      met: true,
    })
    expect(ownershipFollowUp(['a', 'b', 'c', 'd'], ['a'], 0.3).met).toBe(false)
    expect(ownershipFollowUp([], ['a'], 0.3)).toEqual({ owned: 0, followedUp: 0, share: null, met: null })
  })
})

describe('revisits of paired households', () => {
  it('counts from the last visit in China-time days, warning in the last three days', () => {
    const paired = cst('2026-03-01T20:00:00')
    expect(revisitDue(paired, null, 14, cst('2026-03-05T09:00:00'))).toEqual({
      dueOn: '2026-03-15',
      state: 'ok',
      daysLeft: 10,
    })
    // 23:30 China time on the 2nd is still the 2nd, though it is the 2nd in UTC too late at night.
    expect(revisitDue(paired, cst('2026-03-02T23:30:00'), 14, cst('2026-03-14T00:10:00')).state).toBe(
      'dueSoon',
    )
    expect(revisitDue(paired, cst('2026-03-02T23:30:00'), 14, cst('2026-03-17T08:00:00'))).toMatchObject({
      dueOn: '2026-03-16',
      state: 'overdue',
      daysLeft: -1,
    })
  })
})

describe('campaign schema', () => {
  it('fills the default quotas and refuses a period that ends before it starts', () => {
    const base = {
      name: '大走访',
      startsOn: '2026-03-01',
      endsOn: '2026-08-31',
      unitIds: ['0123456789abcdef01234567'],
    }
    expect(campaignInputSchema.parse(base).quotas.bureauLeader).toMatchObject({
      households: 40,
      researchDays: 30,
      receptions: 6,
      problemsResolved: 3,
    })
    expect(campaignInputSchema.parse(base).unitReceptionsPerWeek).toBe(1)
    expect(campaignInputSchema.safeParse({ ...base, endsOn: '2026-02-28' }).success).toBe(false)
    expect(campaignInputSchema.safeParse({ ...base, unitIds: [] }).success).toBe(false)
  })
})

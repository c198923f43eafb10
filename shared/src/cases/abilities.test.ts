import { describe, expect, it } from 'vitest'
import { allowedActions, checkAbility, type AbilityActor, type AbilityFacts } from './abilities'

const now = new Date('2026-12-02T10:00:00+08:00')
const facts = (overrides: Partial<AbilityFacts> = {}): AbilityFacts => ({
  status: 'resolved',
  createdBy: 'r1',
  unitId: 'u1',
  coUnitIds: [],
  reopenCount: 0,
  objectionPending: false,
  extensionPending: false,
  dueAt: new Date(now.getTime() + 86_400_000),
  ownerLeaderId: null,
  flagLevel: null,
  rated: false,
  ...overrides,
})
const actor = (role: AbilityActor['role'], overrides: Partial<AbilityActor> = {}): AbilityActor => ({
  userId: role === 'resident' ? 'r1' : `${role}-1`,
  role,
  unitId: role === 'handler' ? 'u1' : role === 'leader' ? 'd1' : null,
  overseesCurrentUnit: role === 'leader',
  ...overrides,
})

describe('abilities', () => {
  it('gives the resident of a resolved case the rating, not a second way to reopen', () => {
    expect(allowedActions(actor('resident'), facts(), now)).toEqual(['rate'])
    expect(checkAbility(actor('resident'), 'reopen', facts(), now)).toMatchObject({
      kind: 'state',
      reason: 'rate_instead',
    })
  })

  it('lets a resident reopen a closed case only when it closed without their rating, and once', () => {
    const closed = facts({ status: 'closed' })
    expect(allowedActions(actor('resident'), closed, now)).toContain('reopen')
    expect(allowedActions(actor('resident'), { ...closed, rated: true }, now)).not.toContain('reopen')
    expect(allowedActions(actor('resident'), { ...closed, reopenCount: 1 }, now)).not.toContain('reopen')
    // A leader may still reopen it for supervision.
    expect(allowedActions(actor('leader'), { ...closed, rated: true }, now)).toContain('reopen')
  })

  it('tells a stranger apart from a case in the wrong state (403 vs 409)', () => {
    expect(checkAbility(actor('resident', { userId: 'r2' }), 'rate', facts(), now)).toMatchObject({
      kind: 'forbidden',
    })
    expect(
      checkAbility(actor('handler', { unitId: 'u2' }), 'accept', facts({ status: 'dispatched' }), now),
    ).toMatchObject({ kind: 'forbidden' })
    expect(checkAbility(actor('handler'), 'accept', facts(), now)).toMatchObject({ kind: 'state' })
  })

  it('offers 挂牌督办 until the case carries it, and its 销号 only then', () => {
    const open = facts({ status: 'accepted' })
    expect(allowedActions(actor('leader'), open, now)).toContain('flagSupervision')
    expect(allowedActions(actor('leader'), open, now)).not.toContain('closeSupervision')
    const flagged = { ...open, flagLevel: 'listed' }
    expect(allowedActions(actor('leader'), flagged, now)).not.toContain('flagSupervision')
    expect(allowedActions(actor('leader'), flagged, now)).toContain('closeSupervision')
    // A lower level can still be raised to 挂牌.
    expect(allowedActions(actor('leader'), { ...open, flagLevel: 'key' }, now)).toContain('flagSupervision')
  })
})

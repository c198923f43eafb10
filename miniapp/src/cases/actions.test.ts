import type { User } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { availableActions, type ActionableCase } from './actions'

const user = (role: User['role'], unitId: string | null = 'u1'): User => ({
  id: 'x',
  role,
  name: 'n',
  unitId,
  positionLevel: null,
  isGuest: false,
})
const item = (props: Partial<ActionableCase>): ActionableCase => ({
  status: 'dispatched',
  unitId: 'u1',
  reopenCount: 0,
  coUnitIds: [],
  objection: null,
  extension: null,
  ...props,
})
const keys = (list: Array<{ key: string }>) => list.map((spec) => spec.key)

describe('availableActions', () => {
  it('offers a handler signing, transfer, return and objection on a dispatched case of their unit only', () => {
    expect(keys(availableActions(user('handler'), item({})))).toEqual([
      'accept',
      'transfer',
      'return',
      'object',
    ])
    expect(availableActions(user('handler'), item({ unitId: 'u2' }))).toEqual([])
    expect(keys(availableActions(user('handler'), item({ objection: { status: 'pending' } })))).not.toContain(
      'object',
    )
  })

  it('offers the dispatch centre dispatch and rejection on a queued case, and a ruling on a disputed one', () => {
    expect(keys(availableActions(user('admin', null), item({ status: 'submitted', unitId: null })))).toEqual([
      'dispatch',
      'reject',
      'flagSupervision',
    ])
    expect(keys(availableActions(user('admin', null), item({ objection: { status: 'pending' } })))).toEqual(
      expect.arrayContaining(['uphold', 'redispatch']),
    )
  })

  it('lets a co-handling unit only contribute, and a leader decide a pending extension', () => {
    const working = item({ status: 'accepted', coUnitIds: ['u2'], extension: { status: 'pending' } })
    expect(keys(availableActions(user('handler', 'u2'), working))).toEqual(['contribute'])
    expect(keys(availableActions(user('leader', 'd1'), working))).toEqual([
      'approveExtension',
      'refuseExtension',
      'takeOwnership',
      'flagSupervision',
    ])
    expect(
      keys(availableActions(user('leader', 'd1'), { ...working, supervisionLevel: 'listed' })),
    ).toContain('closeSupervision')
    // 包案 once: the owning leader is not offered it again.
    expect(keys(availableActions(user('leader', 'd1'), { ...working, ownerLeaderId: 'x' }))).not.toContain(
      'takeOwnership',
    )
    expect(keys(availableActions(user('handler'), working))).not.toContain('requestExtension')
  })

  it('lets a resident reopen a resolved case once', () => {
    expect(keys(availableActions(user('resident', null), item({ status: 'resolved' })))).toContain('reopen')
    expect(
      keys(availableActions(user('resident', null), item({ status: 'resolved', reopenCount: 1 }))),
    ).not.toContain('reopen')
  })
})

import type { User } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { availableActions } from './actions'

const user = (role: User['role'], unitId: string | null = 'u1'): User => ({
  id: 'x',
  role,
  name: 'n',
  unitId,
  positionLevel: null,
  isGuest: false,
})
const labels = (list: Array<{ action: string }>) => list.map((spec) => spec.action)

describe('availableActions', () => {
  it('offers a handler signing, transfer and return on a dispatched case of their unit only', () => {
    expect(
      labels(availableActions(user('handler'), { status: 'dispatched', unitId: 'u1', reopenCount: 0 })),
    ).toEqual(['accept', 'transfer', 'return'])
    expect(availableActions(user('handler'), { status: 'dispatched', unitId: 'u2', reopenCount: 0 })).toEqual(
      [],
    )
  })

  it('offers the dispatch centre dispatch and rejection on a queued case', () => {
    expect(
      labels(availableActions(user('admin', null), { status: 'submitted', unitId: null, reopenCount: 0 })),
    ).toEqual(['dispatch', 'reject'])
  })

  it('lets a resident reopen a resolved case once', () => {
    expect(
      labels(availableActions(user('resident', null), { status: 'resolved', unitId: 'u1', reopenCount: 0 })),
    ).toContain('reopen')
    expect(
      labels(availableActions(user('resident', null), { status: 'resolved', unitId: 'u1', reopenCount: 1 })),
    ).not.toContain('reopen')
  })
})

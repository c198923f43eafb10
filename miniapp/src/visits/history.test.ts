import type { VisitSummary } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { appendPage, mergeHistory } from './history'
import { upsertVisit, updateVisit, type LocalVisit, type VisitForm } from './queue'

const form = (name: string, visitedAt: string): VisitForm => ({
  visitedAt,
  companions: [],
  household: { name, address: '幸福村1组', tags: [] },
  purposes: ['visiting'],
  notes: '',
  followUp: { needed: false },
  problems: [],
  followedUpCaseIds: [],
})

const summary = (id: string, clientId: string, visitedAt: string): VisitSummary => ({
  id,
  clientId,
  revision: 1,
  campaignId: null,
  createdBy: 'u1',
  visitedAt,
  household: { name: `住户${id}`, address: '幸福村****', tags: [] },
  purposes: ['visiting'],
  notes: '',
  photoCount: 0,
  problemCaseIds: [],
  householdId: null,
})

function queue(): LocalVisit[] {
  let items: LocalVisit[] = []
  const now = new Date('2026-03-05T12:00:00+08:00')
  items = upsertVisit(
    items,
    { clientId: 'c-synced', form: form('甲', '2026-03-03T09:00:00+08:00'), photos: [] },
    true,
    now,
  )
  items = updateVisit(items, 'c-synced', { state: 'synced', serverId: 's2', syncedRevision: 1 })
  items = upsertVisit(
    items,
    { clientId: 'c-waiting', form: form('乙', '2026-03-01T09:00:00+08:00'), photos: [] },
    true,
    now,
  )
  return items
}

describe('我的走访 merges the phone with the server', () => {
  it('a new phone with an empty queue shows every server visit, newest first', () => {
    const rows = mergeHistory(
      [],
      [summary('s1', 'c1', '2026-03-01T09:00:00+08:00'), summary('s3', 'c3', '2026-03-04T09:00:00+08:00')],
    )
    expect(rows.map((row) => row.key)).toEqual(['server:s3', 'server:s1'])
    expect(rows.every((row) => row.state === 'synced')).toBe(true)
  })

  it('shows a synced visit once, from the phone, and puts what still waits first', () => {
    const rows = mergeHistory(queue(), [
      summary('s2', 'c-synced', '2026-03-03T09:00:00+08:00'),
      summary('s4', 'c-other-phone', '2026-03-04T09:00:00+08:00'),
    ])
    expect(rows.map((row) => [row.key, row.state])).toEqual([
      ['local:c-waiting', 'waiting'],
      ['server:s4', 'synced'],
      ['local:c-synced', 'synced'],
    ])
  })

  it('a second page adds only visits not shown yet', () => {
    const first = [summary('s1', 'c1', '2026-03-02T09:00:00+08:00')]
    const next = appendPage(first, [first[0]!, summary('s0', 'c0', '2026-03-01T09:00:00+08:00')])
    expect(next.map((visit) => visit.id)).toEqual(['s1', 's0'])
  })
})

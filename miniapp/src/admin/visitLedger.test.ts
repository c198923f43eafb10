import type { Unit } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { unitsForLedger, visitLedgerPath } from './visitLedger'

const unit = (id: string, path: string[], disabled = false): Unit => ({
  id,
  name: id,
  level: 'community',
  parentId: path.at(-1) ?? null,
  path,
  hasArea: false,
  disabled,
})

describe('visit ledger export', () => {
  it('asks for the period, and one unit only when one is chosen', () => {
    expect(visitLedgerPath('xlsx', { from: '2026-12-01', to: '2026-12-02' })).toBe(
      '/exports/visits.xlsx?from=2026-12-01&to=2026-12-02',
    )
    expect(visitLedgerPath('csv', { from: '2026-12-01', to: '2026-12-02', unitId: 'u1' })).toBe(
      '/exports/visits.csv?from=2026-12-01&to=2026-12-02&unitId=u1',
    )
  })

  it('offers a leader their own unit and those below it, an admin every active unit', () => {
    const units = [
      unit('city', []),
      unit('street', ['city']),
      unit('community', ['city', 'street']),
      unit('other', ['city']),
      unit('closed', ['city', 'street'], true),
    ]
    expect(unitsForLedger(units, { role: 'leader', unitId: 'street' }).map((u) => u.id)).toEqual([
      'street',
      'community',
    ])
    expect(unitsForLedger(units, { role: 'leader', unitId: null })).toEqual([])
    expect(unitsForLedger(units, { role: 'admin', unitId: null }).map((u) => u.id)).toEqual([
      'city',
      'street',
      'community',
      'other',
    ])
  })
})

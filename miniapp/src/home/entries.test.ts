import { roles } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { entriesFor } from './entries'

describe('entriesFor', () => {
  it('gives every role at least one entry, with unique keys', () => {
    for (const role of roles) {
      const keys = entriesFor(role).map((entry) => entry.key)
      expect(keys.length).toBeGreaterThan(0)
      expect(new Set(keys).size).toBe(keys.length)
    }
  })

  it('sends handlers to their inbox and residents to submitting', () => {
    expect(entriesFor('handler')[0].title).toBe('待办工单')
    expect(entriesFor('resident')[0].title).toBe('我要反映')
  })
})

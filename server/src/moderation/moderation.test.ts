import { describe, expect, it } from 'vitest'
import { hideAfterReports, isHidden } from './moderation'

describe('moderation rule (echo wall and topic suggestions alike)', () => {
  it('hides after the report threshold until a moderator decides; a decision outranks reports', () => {
    expect(isHidden(null, hideAfterReports - 1)).toBe(false)
    expect(isHidden(null, hideAfterReports)).toBe(true)
    expect(isHidden('show', hideAfterReports + 10)).toBe(false)
    expect(isHidden('hide', 0)).toBe(true)
  })
})

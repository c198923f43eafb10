import type { CaseAction } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { actionButtons, shownActions } from './actions'

const keys = (allowed: CaseAction[]) => actionButtons(allowed).map((spec) => spec.key)

describe('actionButtons', () => {
  it('offers exactly the actions the server allowed, in a stable order, with two buttons where one action has two outcomes', () => {
    expect(keys(['accept', 'transfer', 'return', 'object'])).toEqual([
      'accept',
      'transfer',
      'return',
      'object',
    ])
    expect(keys(['ruleObjection'])).toEqual(['uphold', 'redispatch'])
    expect(keys(['decideExtension'])).toEqual(['approveExtension', 'refuseExtension'])
    expect(keys([])).toEqual([])
  })

  it('shows a control for every allowed action and for nothing else', () => {
    const allowed: CaseAction[] = ['rate', 'reopen', 'addInfo', 'recategorize', 'merge', 'dispatch']
    expect(new Set(shownActions(allowed))).toEqual(new Set(allowed))
    expect(shownActions(['flagSupervision'])).toEqual(['flagSupervision'])
  })
})

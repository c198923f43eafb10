import { describe, expect, it } from 'vitest'
import { consolePages, consolePagesFor, mayOpen } from './consolePages'

describe('console pages', () => {
  it('gives leaders the review pages only and admins everything; others nothing', () => {
    expect(consolePagesFor('leader').map((page) => page.key)).toEqual([
      'dashboard',
      'cases',
      'board',
      'brief',
      'campaignReport',
      'households',
      'rectification',
      'repeatConcerns',
      'visitLedger',
    ])
    // Admins open every console page (the list grows as areas add pages).
    expect(consolePagesFor('admin').map((page) => page.key)).toEqual(consolePages.map((page) => page.key))
    expect(consolePagesFor('operator').map((page) => page.key)).toEqual(['intake'])
    // Rectification work reaches the lead unit's handlers and staff; households reach staff.
    expect(consolePagesFor('handler').map((page) => page.key)).toEqual(['rectification'])
    expect(consolePagesFor('staff').map((page) => page.key)).toEqual(['households', 'rectification'])
    expect(consolePagesFor('resident')).toEqual([])
    expect(mayOpen('leader', 'units')).toBe(false)
    expect(mayOpen('admin', 'units')).toBe(true)
    expect(mayOpen(undefined, 'dashboard')).toBe(false)
  })
})

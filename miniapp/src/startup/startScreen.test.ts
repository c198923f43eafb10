import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeStartScreen, startScreenId } from './startScreen'

function fakeDocument(ids: string[]) {
  const present = new Set(ids)
  return {
    present,
    getElementById: (id: string) =>
      present.has(id) ? ({ remove: () => present.delete(id) } as unknown as HTMLElement) : null,
  }
}

describe('start screen', () => {
  it('is painted by the H5 template itself, fixed over the viewport', () => {
    const template = readFileSync(path.resolve(__dirname, '../index.html'), 'utf8')
    expect(template).toContain(`<div id="${startScreenId}" aria-hidden="true">`)
    expect(template).toMatch(new RegExp(`#${startScreenId} \\{[^}]*position: fixed;[^}]*inset: 0;`))
  })

  it('is removed once, and removing it again does nothing', () => {
    const doc = fakeDocument([startScreenId, 'app'])
    removeStartScreen(doc)
    expect([...doc.present]).toEqual(['app'])
    removeStartScreen(doc)
    expect([...doc.present]).toEqual(['app'])
  })
})

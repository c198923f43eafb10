import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadEvaluationSet } from './evaluationSet'
import { buildSet } from './generate'

const rows = loadEvaluationSet()
const readme = readFileSync(fileURLToPath(new URL('./README.md', import.meta.url)), 'utf8')
const relabels = readFileSync(fileURLToPath(new URL('./relabels.tsv', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(1)
  .map((line) => line.split('\t'))

describe('the dispatch evaluation set', () => {
  it('is the generator’s output (nobody edited the JSON by hand)', () => {
    expect(buildSet()).toEqual(rows)
  })

  it('keeps every base, with all its variants, on one side of the split', () => {
    const sides = new Map<string, Set<string>>()
    for (const row of rows) sides.set(row.base, (sides.get(row.base) ?? new Set()).add(row.split))
    expect([...sides].filter(([, split]) => split.size > 1)).toEqual([])
    expect(rows.length).toBeGreaterThanOrEqual(1500)
  })

  it('never puts a held-out complaint’s words into a training text (no leaked asides)', () => {
    const heldOut = rows.filter((row) => row.split === 'test' && row.style === 'original')
    const firstClauses = heldOut.map((row) => row.text.split(/[，。！？,]/)[0]!)
    const leaked = rows.filter(
      (row) => row.split === 'train' && firstClauses.some((clause) => row.text.includes(clause)),
    )
    expect(leaked.map((row) => row.text)).toEqual([])
  })

  it('applies each relabel to all variants of its base, by a rule the README states', () => {
    expect(relabels.length).toBeGreaterThan(0)
    for (const [base, categoryCode, , rule] of relabels) {
      expect(readme).toContain(`**${rule}**`)
      const variants = rows.filter((row) => row.base === base)
      expect(variants.length).toBeGreaterThan(0)
      expect(new Set(variants.map((row) => row.categoryCode))).toEqual(new Set([categoryCode]))
    }
  })

  it('keeps the held-out texts exactly as they were fixed (training history never moves them)', () => {
    const heldOut = rows.filter((row) => row.split === 'test')
    expect(heldOut).toHaveLength(368)
    // The digest of the held-out rows as shipped on 2 Dec 2026: adding training history must not change it.
    expect(createHash('sha256').update(JSON.stringify(heldOut)).digest('hex')).toBe(
      '68aebb23bbb7fa9ac93f2700b3e6397a1a4d3d9ca04e21756cbd45c822a5cb4a',
    )
  })

  it('keeps later history on the training side', () => {
    const later = ['more-', 'voices-', 'written-from-definitions-']
    const history = rows.filter((row) => later.some((prefix) => row.base.startsWith(prefix)))
    for (const prefix of later)
      expect(history.filter((row) => row.base.startsWith(prefix)).length).toBeGreaterThan(0)
    expect(history.every((row) => row.split === 'train')).toBe(true)
  })
})

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { TrainingSample } from '../dispatchModel'

export interface EvaluationRow {
  base: string
  split: 'train' | 'test'
  style: string
  text: string
  categoryCode: string
  /** The seeded unit's name (ids differ per database). */
  unit: string
}

/** The shipped labelled set: hand-written base complaints and their variants (see generate.ts). */
export function loadEvaluationSet(): EvaluationRow[] {
  const file = fileURLToPath(new URL('./dispatchSet.json', import.meta.url))
  return JSON.parse(readFileSync(file, 'utf8')) as EvaluationRow[]
}

/** Rows as training samples, the unit named by `unitIdOf` (its name by default), grouped by base. */
export function asSamples(
  rows: readonly EvaluationRow[],
  unitIdOf: (name: string) => string = (name) => name,
): TrainingSample[] {
  return rows.map((row) => ({
    text: row.text,
    categoryCode: row.categoryCode,
    unitId: unitIdOf(row.unit),
    group: row.base,
  }))
}

import type { DispatchSuggestInput, DispatchSuggestion } from '@minqing/shared'
import { CategoryModel } from '../categories/category.model'
import { memoryCache } from '../db/memoryCache'
import { UnitModel } from '../units/unit.model'
import { predictDispatch, type DispatchModel } from './dispatchModel'

/** Names of enabled categories and of units, read on every suggestion: cached briefly. */
const categoryNames = memoryCache(
  async () =>
    new Map(
      (await CategoryModel.find({ enabled: true }, { code: 1, name: 1 }).lean()).map((row) => [
        row.code,
        row.name,
      ]),
    ),
)
const unitNames = memoryCache(
  async () =>
    new Map((await UnitModel.find({}, { name: 1 }).lean()).map((row) => [String(row._id), row.name])),
)

/**
 * A score as people are shown it: never above 0.99. A model trained on finite history is never
 * certain, and the queue and the case would otherwise read "置信度 1.00" for a 0.996.
 */
export function shownScore(score: number): number {
  return Math.min(score, 0.99)
}

export function dispatchText(input: { title?: string; description?: string }): string {
  return `${input.title ?? ''}\n${input.description ?? ''}`
}

/**
 * The model's advice for a text, best first, with the words behind each score. Categories that
 * were disabled and units that no longer exist since training are left out (never suggested);
 * `auto` only when the top unit is still there to dispatch to.
 */
export async function suggestDispatch(
  model: DispatchModel,
  input: DispatchSuggestInput,
): Promise<DispatchSuggestion> {
  return (await suggestWithConfidence(model, input)).suggestion
}

/**
 * `suggestDispatch` and the calibrated confidence of its first unit (what the auto band compares;
 * the units' scores rank them and are sharper), for the reason stored on a dispatched case.
 */
export async function suggestWithConfidence(
  model: DispatchModel,
  input: DispatchSuggestInput,
): Promise<{ suggestion: DispatchSuggestion; confidence: number }> {
  const prediction = predictDispatch(model, dispatchText(input), 5)
  const categoriesByCode = await categoryNames.get()
  let unitsById = await unitNames.get()
  // A unit created since the cache was filled (the model was trained on it): read the names again.
  if (prediction.units.some((item) => !unitsById.has(item.label))) {
    unitNames.clear()
    unitsById = await unitNames.get()
  }
  const categories = prediction.categories
    .filter((item) => categoriesByCode.has(item.label))
    .slice(0, 3)
    .map((item) => ({
      code: item.label,
      name: categoriesByCode.get(item.label)!,
      score: shownScore(item.score),
      terms: item.terms,
    }))
  const units = prediction.units
    .filter((item) => unitsById.has(item.label))
    .slice(0, 3)
    .map((item) => ({
      unitId: item.label,
      name: unitsById.get(item.label)!,
      score: shownScore(item.score),
      terms: item.terms,
    }))
  const auto = prediction.auto && units[0]?.unitId === prediction.units[0]?.label
  return { suggestion: { categories, units, auto }, confidence: prediction.confidence }
}

/** The reason stored on an automatically dispatched case (PIPL art. 24: explained, in Chinese). */
export function modelReason(unit: { name: string; score: number; terms: string[] }): string {
  const terms = unit.terms.length ? `关键词 ${unit.terms.join('、')}` : '整体文本'
  // Truncated, never rounded up: a probability is below 1, and "置信度 1.00" would claim certainty.
  const confidence = (Math.floor(Math.min(unit.score, 0.999) * 100) / 100).toFixed(2)
  return `模型: ${terms} → ${unit.name}, 置信度 ${confidence}`
}

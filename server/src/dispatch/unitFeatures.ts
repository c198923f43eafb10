import { bucketMask, crossBucket } from './features'
import type { SparseVector } from './linearModel'

/** How much the category weighs among a text's (unit-length) features when the unit is chosen. */
export const categoryFeatureWeight = 1

/** A category's salt: a stable hash of its code, so no table of categories is needed. */
export function categorySalt(code: string): number {
  let hash = 2166136261
  for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), 16777619)
  return hash >>> 0
}

/** Reused buffers for the unit model's input: one text at a time, no allocation per text. */
export interface UnitScratch {
  buckets: Int32Array
  values: Float32Array
}

export function unitScratch(): UnitScratch {
  return { buckets: new Int32Array(8192), values: new Float32Array(8192) }
}

/**
 * The unit model's input: the text's features, its category, and each word crossed with the
 * category. Units own categories, so the category alone names the usual unit; the crosses let a
 * word move a case to another unit inside one category only (“工地” under 噪音扰民 → 住建局,
 * without pulling every 工地 case there).
 */
export function unitVector(
  text: SparseVector,
  wordHashes: ArrayLike<number>,
  categoryCode: string,
  scratch: UnitScratch,
): SparseVector {
  const salt = categorySalt(categoryCode)
  const size = Math.min(text.buckets.length, scratch.buckets.length - wordHashes.length - 1)
  scratch.buckets.set(text.buckets.subarray(0, size))
  scratch.values.set(text.values.subarray(0, size))
  let at = size
  scratch.buckets[at] = (salt ^ 0x5bd1e995) & bucketMask
  scratch.values[at++] = categoryFeatureWeight
  // Words come first among the text's features: word k's value is the text's value k.
  for (let k = 0; k < wordHashes.length && k < size; k++) {
    scratch.buckets[at] = crossBucket(wordHashes[k]!, salt)
    scratch.values[at++] = text.values[k]!
  }
  return { buckets: scratch.buckets.subarray(0, at), values: scratch.values.subarray(0, at) }
}

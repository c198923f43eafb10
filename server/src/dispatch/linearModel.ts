import { isWordFeature, termOf } from './features'

/** A text as the model sees it: indices into the vocabulary and their values. */
export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

/**
 * Multinomial logistic regression (softmax) over sparse features. Weights are stored
 * feature-major (`weights[feature * classes + class]`) so one text touches one contiguous row
 * per feature. Chosen over naive Bayes because its probabilities are usable for the auto band
 * once calibrated by cross-validation, and over an SVM because it ranks every class.
 */
export interface LinearModel {
  classes: string[]
  features: string[]
  index: Map<string, number>
  weights: Float32Array
  bias: Float32Array
}

export interface TrainOptions {
  epochs?: number
  learningRate?: number
  l2?: number
  seed?: number
}

export function buildIndex(texts: Iterable<Map<string, number>>): {
  features: string[]
  index: Map<string, number>
} {
  const index = new Map<string, number>()
  const features: string[] = []
  for (const text of texts)
    for (const key of text.keys())
      if (!index.has(key)) {
        index.set(key, features.length)
        features.push(key)
      }
  return { features, index }
}

export function encode(index: Map<string, number>, features: Map<string, number>): SparseVector {
  const indices: number[] = []
  const values: number[] = []
  for (const [key, value] of features) {
    const at = index.get(key)
    if (at !== undefined) {
      indices.push(at)
      values.push(value)
    }
  }
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) }
}

/** A small deterministic generator, so the same cases always train the same model. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Class probabilities for one text (softmax of the linear scores). */
export function probabilities(
  model: Pick<LinearModel, 'weights' | 'bias' | 'classes'>,
  x: SparseVector,
): Float64Array {
  const count = model.classes.length
  const scores = new Float64Array(count)
  for (let c = 0; c < count; c++) scores[c] = model.bias[c]!
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k]! * count
    const value = x.values[k]!
    for (let c = 0; c < count; c++) scores[c]! += model.weights[row + c]! * value
  }
  let max = -Infinity
  for (let c = 0; c < count; c++) max = Math.max(max, scores[c]!)
  let sum = 0
  for (let c = 0; c < count; c++) {
    scores[c] = Math.exp(scores[c]! - max)
    sum += scores[c]!
  }
  for (let c = 0; c < count; c++) scores[c]! /= sum
  return scores
}

/** Stochastic gradient descent on the cross-entropy, shuffled each epoch, rate decaying. */
export function trainLinear(
  vectors: readonly SparseVector[],
  labels: readonly number[],
  classes: string[],
  features: { features: string[]; index: Map<string, number> },
  options: TrainOptions = {},
): LinearModel {
  const { epochs = 12, learningRate = 0.8, l2 = 1e-4, seed = 15 } = options
  const count = classes.length
  const model: LinearModel = {
    classes,
    features: features.features,
    index: features.index,
    weights: new Float32Array(features.features.length * count),
    bias: new Float32Array(count),
  }
  const order = Array.from(vectors.keys())
  const random = mulberry32(seed)
  let step = 0
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const n of order) {
      const rate = learningRate / (1 + step++ / Math.max(order.length, 1))
      const x = vectors[n]!
      const p = probabilities(model, x)
      p[labels[n]!]! -= 1 // gradient of the cross-entropy wrt the scores
      for (let c = 0; c < count; c++) model.bias[c]! -= rate * p[c]!
      for (let k = 0; k < x.indices.length; k++) {
        const row = x.indices[k]! * count
        const value = x.values[k]!
        for (let c = 0; c < count; c++) {
          const w = model.weights[row + c]!
          model.weights[row + c] = w - rate * (p[c]! * value + l2 * w)
        }
      }
    }
  }
  return model
}

/**
 * The features that pushed this class above the others: value × (weight for the class − mean
 * weight over classes), positive ones only, words before n-grams (a dispatcher reads “漏水”, not
 * “水好”), and no n-gram already inside a chosen word.
 */
export function explain(model: LinearModel, x: SparseVector, classIndex: number, limit = 3): string[] {
  const count = model.classes.length
  const contributions: Array<{ feature: string; value: number }> = []
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k]! * count
    let mean = 0
    for (let c = 0; c < count; c++) mean += model.weights[row + c]!
    mean /= count
    const value = x.values[k]! * (model.weights[row + classIndex]! - mean)
    if (value > 0) contributions.push({ feature: model.features[x.indices[k]!]!, value })
  }
  contributions.sort((a, b) => b.value - a.value || a.feature.localeCompare(b.feature))
  const chosen: string[] = []
  for (const { feature } of contributions.filter((item) => isWordFeature(item.feature))) {
    if (chosen.length >= limit) break
    chosen.push(termOf(feature))
  }
  // Only text n-grams: the unit model's category feature ("c:…") is not a word the resident wrote.
  for (const { feature } of contributions.filter((item) => item.feature.startsWith('g:'))) {
    if (chosen.length >= Math.min(limit, 2)) break
    const term = termOf(feature)
    if (!chosen.some((word) => word.includes(term) || term.includes(word))) chosen.push(term)
  }
  return chosen
}

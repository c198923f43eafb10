/** A text as a linear model reads it: hashed feature buckets and their values. */
export interface SparseVector {
  buckets: Int32Array
  values: Float32Array
}

/**
 * Multinomial logistic regression (softmax) over hashed sparse features. Only buckets seen in
 * training get a row (`rowOf`, -1 for the others), so the weight matrix is as large as the
 * history's vocabulary and never the whole hash space. Weights are stored row-major
 * (`weights[row * classes + class]`): one feature touches one contiguous slice. Chosen over naive
 * Bayes because its probabilities, once calibrated on held-out cases, can gate automatic dispatch.
 */
export interface LinearModel {
  classes: string[]
  rowOf: Int32Array
  weights: Float32Array
  bias: Float32Array
}

export interface TrainOptions {
  /** Passes over the data; by default fewer as the history grows (see `epochsFor`). */
  epochs?: number
  learningRate?: number
  l2?: number
  seed?: number
}

/** The training texts, read by position; `vector` may reuse its buffers between calls. */
export interface Corpus {
  vector(sample: number): SparseVector
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

/**
 * Twelve passes over a district's first ten thousand cases, fewer (never below two) as the
 * history grows: the number of updates (about 150k), not the passes, is what the fit needs, and
 * 100k cases must train within a minute (a third pass there was 200k updates of 17 classes).
 */
export function epochsFor(samples: number): number {
  return Math.max(2, Math.min(12, Math.round(150_000 / Math.max(samples, 1))))
}

/** Linear scores plus softmax into `out` (reused by the caller: no allocation per text). */
export function probabilitiesInto(model: LinearModel, x: SparseVector, out: Float64Array): Float64Array {
  const count = model.classes.length
  for (let c = 0; c < count; c++) out[c] = model.bias[c]!
  for (let k = 0; k < x.buckets.length; k++) {
    const row = model.rowOf[x.buckets[k]!]!
    if (row < 0) continue
    const base = row * count
    const value = x.values[k]!
    for (let c = 0; c < count; c++) out[c]! += model.weights[base + c]! * value
  }
  let max = -Infinity
  for (let c = 0; c < count; c++) max = Math.max(max, out[c]!)
  let sum = 0
  for (let c = 0; c < count; c++) {
    out[c] = Math.exp(out[c]! - max)
    sum += out[c]!
  }
  for (let c = 0; c < count; c++) out[c]! /= sum
  return out
}

export function probabilities(model: LinearModel, x: SparseVector): Float64Array {
  return probabilitiesInto(model, x, new Float64Array(model.classes.length))
}

/**
 * Stochastic gradient descent on the cross-entropy over the `members` of the corpus, shuffled
 * each pass, the rate decaying. Rows are assigned in a first pass, so the weights are allocated
 * once at their final size. The loop is written out over typed arrays (no call per feature):
 * it is where 100k cases spend their training time.
 */
export function trainLinear(
  corpus: Corpus,
  members: ArrayLike<number>,
  labelOf: (sample: number) => number,
  classes: string[],
  options: TrainOptions = {},
): LinearModel {
  return runSteps(trainLinearSteps(corpus, members, labelOf, classes, options))
}

/** A training as steps: it pauses (yields) every `updatesPerStep` updates. */
export type Steps<T> = Generator<void, T, void>

/** Updates between two pauses: a few milliseconds of work, so a waiting request is served soon. */
export const updatesPerStep = 2048

/** Runs steps to the end at once (scripts, tests, the bench). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * Runs steps giving the event loop a turn at every pause: a server training its model keeps
 * answering requests (a suggestion waits for one step, not for the whole training).
 */
export async function runStepsYielding<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}

/** `trainLinear` as steps (see `runSteps`, `runStepsYielding`). */
export function* trainLinearSteps(
  corpus: Corpus,
  members: ArrayLike<number>,
  labelOf: (sample: number) => number,
  classes: string[],
  options: TrainOptions = {},
): Steps<LinearModel> {
  const { learningRate = 3, l2 = 0, seed = 15 } = options
  const epochs = options.epochs ?? epochsFor(members.length)
  const count = classes.length
  // First pass: rows for the buckets, and the members' vectors copied as rows and values in
  // member order, so the passes below read memory in sequence instead of looking up buckets.
  const rowOf = new Int32Array(1 << 20).fill(-1)
  let rows = 0
  const starts = new Int32Array(members.length + 1)
  let size = 0
  for (let m = 0; m < members.length; m++) size += corpus.vector(members[m]!).buckets.length
  const rowsFlat = new Int32Array(size)
  const valuesFlat = new Float32Array(size)
  const labels = new Int32Array(members.length)
  let at = 0
  for (let m = 0; m < members.length; m++) {
    const x = corpus.vector(members[m]!)
    for (let k = 0; k < x.buckets.length; k++) {
      const bucket = x.buckets[k]!
      if (rowOf[bucket]! < 0) rowOf[bucket] = rows++
      rowsFlat[at] = rowOf[bucket]!
      valuesFlat[at++] = x.values[k]!
    }
    starts[m + 1] = at
    labels[m] = labelOf(members[m]!)
  }
  const weights = new Float32Array(rows * count)
  const bias = new Float32Array(count)
  const order = Int32Array.from({ length: members.length }, (_, m) => m)
  const random = mulberry32(seed)
  const p = new Float64Array(count)
  const activeClasses = new Int32Array(count)
  const gradients = new Float64Array(count)
  let step = 0
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const swap = order[i]!
      order[i] = order[j]!
      order[j] = swap
    }
    for (let o = 0; o < order.length; o++) {
      if (step % updatesPerStep === updatesPerStep - 1) yield
      const m = order[o]!
      const rate = learningRate / (1 + step++ / Math.max(order.length, 1))
      const start = starts[m]!
      const end = starts[m + 1]!
      for (let c = 0; c < count; c++) p[c] = bias[c]!
      for (let k = start; k < end; k++) {
        const base = rowsFlat[k]! * count
        const value = valuesFlat[k]!
        for (let c = 0; c < count; c++) p[c]! += weights[base + c]! * value
      }
      let max = -Infinity
      for (let c = 0; c < count; c++) if (p[c]! > max) max = p[c]!
      let sum = 0
      for (let c = 0; c < count; c++) {
        p[c] = Math.exp(p[c]! - max)
        sum += p[c]!
      }
      for (let c = 0; c < count; c++) p[c]! /= sum
      p[labels[m]!]! -= 1 // gradient of the cross-entropy wrt the scores
      // Only the classes with a gradient worth writing: once the model is fair, a text's mass
      // sits on two or three classes, and the others' updates would round to nothing.
      let active = 0
      for (let c = 0; c < count; c++) {
        const g = rate * p[c]!
        bias[c]! -= g
        if (l2 > 0 || Math.abs(g) > 1e-6) {
          activeClasses[active] = c
          gradients[active++] = g
        }
      }
      const decay = 1 - rate * l2
      for (let k = start; k < end; k++) {
        const base = rowsFlat[k]! * count
        const value = valuesFlat[k]!
        for (let a = 0; a < active; a++) {
          const at = base + activeClasses[a]!
          weights[at] = weights[at]! * decay - gradients[a]! * value
        }
      }
    }
  }
  return { classes, rowOf, weights, bias }
}

/**
 * How much each feature pushed this class above the others: value × (weight for the class −
 * mean weight over classes). Positive ones only, largest first, as positions into `x`.
 */
export function contributions(
  model: LinearModel,
  x: SparseVector,
  classIndex: number,
): Array<{ at: number; value: number }> {
  const count = model.classes.length
  const out: Array<{ at: number; value: number }> = []
  for (let k = 0; k < x.buckets.length; k++) {
    const row = model.rowOf[x.buckets[k]!]!
    if (row < 0) continue
    const base = row * count
    let mean = 0
    for (let c = 0; c < count; c++) mean += model.weights[base + c]!
    mean /= count
    const value = x.values[k]! * (model.weights[base + classIndex]! - mean)
    if (value > 0) out.push({ at: k, value })
  }
  return out.sort((a, b) => b.value - a.value || a.at - b.at)
}

import type { Corpus, LinearModel, Steps } from './linearModel'

/** Cases counted between two pauses (see `Steps`): about as long as a step of the regression. */
const casesPerStep = 2048

/**
 * Multinomial naive Bayes over the rows of a trained linear model, written as a linear model of
 * the same shape: log P(class) + Σ value × log P(feature | class) is linear in the features, so
 * it adds to the regression's scores at no cost per suggestion. A feature's share in a class is
 * its summed value there, smoothed by `alpha`; buckets the regression has no row for are left
 * out, as they are at prediction.
 */
export function* naiveBayesSteps(
  base: LinearModel,
  corpus: Corpus,
  members: ArrayLike<number>,
  labelOf: (sample: number) => number,
  alpha: number,
): Steps<LinearModel> {
  return (yield* naiveBayesSmoothedSteps(base, corpus, members, labelOf, [alpha]))[0]!
}

/** `naiveBayesSteps` for several smoothings from one count of the cases. */
export function* naiveBayesSmoothedSteps(
  base: LinearModel,
  corpus: Corpus,
  members: ArrayLike<number>,
  labelOf: (sample: number) => number,
  alphas: readonly number[],
): Steps<LinearModel[]> {
  const count = base.classes.length
  const rows = base.weights.length / count
  const mass = new Float64Array(rows * count)
  const classMass = new Float64Array(count)
  const classCases = new Float64Array(count)
  for (let m = 0; m < members.length; m++) {
    if (m % casesPerStep === casesPerStep - 1) yield
    const x = corpus.vector(members[m]!)
    const label = labelOf(members[m]!)
    classCases[label]!++
    for (let k = 0; k < x.buckets.length; k++) {
      const row = base.rowOf[x.buckets[k]!]!
      if (row < 0) continue
      mass[row * count + label]! += x.values[k]!
      classMass[label]! += x.values[k]!
    }
  }
  return alphas.map((alpha) => {
    const weights = new Float32Array(rows * count)
    const bias = new Float32Array(count)
    for (let c = 0; c < count; c++) {
      // Laplace-smoothed prior: a class is never impossible.
      bias[c] = Math.log((classCases[c]! + 1) / (members.length + count))
      const total = classMass[c]! + alpha * rows
      for (let r = 0; r < rows; r++) weights[r * count + c] = Math.log((mass[r * count + c]! + alpha) / total)
    }
    return { classes: base.classes, rowOf: base.rowOf, weights, bias }
  })
}

/** `a` plus `share` × `b` (same rows and classes): one linear model scoring as both together. */
export function blendLinear(a: LinearModel, b: LinearModel, share: number): LinearModel {
  const weights = new Float32Array(a.weights.length)
  for (let i = 0; i < weights.length; i++) weights[i] = a.weights[i]! + share * b.weights[i]!
  const bias = new Float32Array(a.bias.length)
  for (let c = 0; c < bias.length; c++) bias[c] = a.bias[c]! + share * b.bias[c]!
  return { classes: a.classes, rowOf: a.rowOf, weights, bias }
}

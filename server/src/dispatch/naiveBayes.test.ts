import { describe, expect, it } from 'vitest'
import { probabilities, runSteps, trainLinear, type SparseVector } from './linearModel'
import { blendLinear, naiveBayesSteps } from './naiveBayes'

const vector = (buckets: number[], values: number[]): SparseVector => ({
  buckets: Int32Array.from(buckets),
  values: Float32Array.from(values),
})

// Two units: bucket 1 only in unit a's cases, bucket 2 only in unit b's, bucket 3 in both.
const cases = [vector([1, 3], [0.8, 0.6]), vector([1], [1]), vector([2, 3], [0.6, 0.8])]
const labels = [0, 0, 1]
const corpus = { vector: (n: number) => cases[n]! }

describe('naive Bayes as a linear model', () => {
  const regression = trainLinear(corpus, [0, 1, 2], (n) => labels[n]!, ['a', 'b'], { epochs: 3 })
  const bayes = runSteps(naiveBayesSteps(regression, corpus, [0, 1, 2], (n) => labels[n]!, 0.5))

  it('scores log P(class) + Σ value × log P(feature | class), from smoothed shares', () => {
    const rows = regression.weights.length / 2
    const weightOf = (bucket: number, c: number) => bayes.weights[regression.rowOf[bucket]! * 2 + c]!
    // Unit a's mass: bucket 1 1.8, bucket 3 0.6 (2.4 in all); three rows, smoothing 0.5 each.
    expect(weightOf(1, 0)).toBeCloseTo(Math.log((1.8 + 0.5) / (2.4 + 0.5 * rows)), 5)
    expect(weightOf(2, 0)).toBeCloseTo(Math.log(0.5 / (2.4 + 0.5 * rows)), 5)
    expect(bayes.bias[0]).toBeCloseTo(Math.log(3 / 5), 5)
    expect(probabilities(bayes, vector([2], [1]))[1]).toBeGreaterThan(0.5)
    expect(probabilities(bayes, vector([1], [1]))[0]).toBeGreaterThan(0.5)
  })

  it('adds to the regression as one model: blended scores are the sum of both', () => {
    const blended = blendLinear(regression, bayes, 0.4)
    const x = vector([1, 2, 3], [0.5, 0.5, 0.7])
    const score = (model: typeof regression, c: number) =>
      model.bias[c]! +
      [...x.buckets].reduce(
        (sum, bucket, k) => sum + model.weights[model.rowOf[bucket]! * 2 + c]! * x.values[k]!,
        0,
      )
    for (const c of [0, 1])
      expect(score(blended, c)).toBeCloseTo(score(regression, c) + 0.4 * score(bayes, c), 4)
  })
})

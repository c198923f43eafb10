import { describe, expect, it } from 'vitest'
import { crossValidate } from './dispatchModel'
import { asSamples, loadEvaluationSet } from './evaluation/evaluationSet'

/**
 * The settings are chosen on the training split alone (grouped 5-fold cross-validation, as
 * test/bench/dispatchTuning.ts runs it); the held-out split is not read here. A guard that a
 * change keeps what that choice reached: unit top-1 0.930 with one unit model for ranking and
 * confidence (naive Bayes share 0.4, mix power 4), 0.936 with the ranking's own (share 1.5, smoothing 0.01, power 2),
 * the band as wide and as precise as before.
 */
describe('the ranking candidate cross-validated on the training split', () => {
  it('ranks the true unit first for at least 93.5 % and auto-dispatches 75 % at 99 % precision', () => {
    const train = asSamples(loadEvaluationSet().filter((row) => row.split === 'train'))
    // The shipped defaults (ranking: naive Bayes share 1.5, smoothing 0.01, mix power 2).
    const cv = crossValidate(train, 5)
    expect(cv.unitTop1).toBeGreaterThanOrEqual(0.935)
    expect(cv.top1).toBeGreaterThanOrEqual(0.92)
    expect(cv.autoPrecision).toBeGreaterThanOrEqual(0.99)
    expect(cv.autoCoverage).toBeGreaterThanOrEqual(0.75)
  }, 300_000)
})

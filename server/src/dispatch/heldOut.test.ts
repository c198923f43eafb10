import { describe, expect, it } from 'vitest'
import { predictDispatch, trainDispatchModel } from './dispatchModel'
import { asSamples, loadEvaluationSet } from './evaluation/evaluationSet'

/**
 * The shipped evaluation set: trained on its training split only, measured on the held-out one
 * (the bench prints the same figures with the confusions). A guard against a change that loses
 * what issue #15's targets asked for; the threshold is calibrated out-of-fold on training cases.
 */
describe('the dispatch model on the held-out set', () => {
  it('ranks the true category first for 92 %, the unit for 92 %, and auto-dispatches 60 % at 99 % precision', () => {
    const rows = loadEvaluationSet()
    const { model } = trainDispatchModel(asSamples(rows.filter((row) => row.split === 'train')))
    const test = asSamples(rows.filter((row) => row.split === 'test'))
    let categoryTop1 = 0
    let categoryTop3 = 0
    let unitTop1 = 0
    let band = 0
    let bandRight = 0
    for (const sample of test) {
      const prediction = predictDispatch(model, sample.text)
      const categoryAt = prediction.categories.findIndex((item) => item.label === sample.categoryCode)
      const unitRight = prediction.units[0]?.label === sample.unitId
      if (categoryAt === 0) categoryTop1++
      if (categoryAt >= 0) categoryTop3++
      if (unitRight) unitTop1++
      if (prediction.auto) {
        band++
        if (unitRight) bandRight++
      }
    }
    // Issue #15's target; 0.913 before the definition-written history (2 Dec 2026, second session).
    expect(categoryTop1 / test.length).toBeGreaterThanOrEqual(0.92)
    expect(categoryTop3 / test.length).toBeGreaterThanOrEqual(0.98)
    // Issue #15's target. 0.916 (337 of 368) with one blend for ranking and confidence; 0.927
    // (341) with the ranking blend chosen by cross-validation on the training split (share 1.5,
    // smoothing 0.01, power 2), measured once after it was chosen (3 Dec 2026 China time).
    expect(unitTop1 / test.length).toBeGreaterThanOrEqual(0.92)
    expect(bandRight / band).toBeGreaterThanOrEqual(0.99)
    expect(band / test.length).toBeGreaterThanOrEqual(0.6)
  }, 300_000)
})

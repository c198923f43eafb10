import { performance } from 'node:perf_hooks'
import { crossValidate, type FitOptions } from '../../server/src/dispatch/dispatchModel'
import { asSamples, loadEvaluationSet } from '../../server/src/dispatch/evaluation/evaluationSet'

/**
 * Grouped 5-fold cross-validation of model settings on the TRAINING split only (the held-out
 * split is never read here): `npx tsx test/bench/dispatchTuning.ts '{"unitNaiveBayesShare":1.5}' …`.
 * Two views: every training case folded ("all"), and only the original bases (bases-*.tsv)
 * folded with the later history in every fold's training ("original"), as residents' first
 * complaints are what the set was written to measure.
 */
const train = asSamples(loadEvaluationSet().filter((row) => row.split === 'train'))
const original = (sample: { group?: string }) =>
  /^(culture|housing|other|social|urban|utility)-/.test(sample.group ?? '')
const round = (value: number) => Number(value.toFixed(4))

const candidates = process.argv.slice(2).map((arg) => JSON.parse(arg) as FitOptions)
for (const options of candidates.length ? candidates : [{}]) {
  const started = performance.now()
  const views = {
    all: crossValidate(train, 5, options),
    original: crossValidate(train, 5, options, original),
  }
  const summary = Object.fromEntries(
    Object.entries(views).map(([view, cv]) => [
      view,
      {
        category: round(cv.top1),
        unit: round(cv.unitTop1),
        unitTop3: round(cv.unitTop3),
        autoPrecision: round(cv.autoPrecision),
        autoCoverage: round(cv.autoCoverage),
      },
    ]),
  )
  console.log(
    JSON.stringify({ options, ...summary, seconds: Math.round((performance.now() - started) / 1000) }),
  )
}

import { asSamples, loadEvaluationSet } from './evaluation/evaluationSet'
import { predictDispatch, trainDispatchModel } from './dispatchModel'
const rows = loadEvaluationSet()
const train = asSamples(rows.filter((r) => r.split === 'train'))
const test = asSamples(rows.filter((r) => r.split === 'test'))
const t0 = performance.now()
const { model, report } = trainDispatchModel(train)
console.log('train ms', performance.now() - t0, report)
let c1 = 0, c3 = 0, u1 = 0, u3 = 0, band = 0, bandRight = 0
const confusion = new Map<string, number>()
for (const s of test) {
  const p = predictDispatch(model, s.text)
  const ci = p.categories.findIndex((c) => c.label === s.categoryCode)
  const ui = p.units.findIndex((c) => c.label === s.unitId)
  if (ci === 0) c1++; if (ci >= 0) c3++; if (ui === 0) u1++; if (ui >= 0) u3++
  if (p.auto) { band++; if (ui === 0) bandRight++ }
  if (ci !== 0) { const k = `${s.categoryCode}→${p.categories[0]!.label}`; confusion.set(k, (confusion.get(k) ?? 0) + 1) }
}
const n = test.length
console.log({ n, top1: c1 / n, top3: c3 / n, unit1: u1 / n, unit3: u3 / n, autoPrecision: bandRight / band, autoCoverage: band / n })
console.log([...confusion].sort((a, b) => b[1] - a[1]).slice(0, 12))
console.log(JSON.stringify(predictDispatch(model, '我家楼上漏水，天花板都泡了，物业不管')))

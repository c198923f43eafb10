import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  calibrateThreshold,
  fitDispatchModel,
  minimumBandSize,
  predictDispatch,
  trainDispatchModel,
  trainDispatchModelYielding,
  wilsonLowerBound,
  type TrainingSample,
} from './dispatchModel'
import { asSamples, loadEvaluationSet } from './evaluation/evaluationSet'
import { featurize, words } from './features'

describe('features', () => {
  it('keeps topic words and character n-grams, drops punctuation and function words', () => {
    expect(words('我家楼上漏水了，物业也不管！')).toEqual(expect.arrayContaining(['楼上', '漏水', '物业']))
    expect(words('我家楼上漏水了，物业也不管！')).not.toContain('了')
    const features = featurize('楼上滴水')
    expect([...features.keys()]).toEqual(expect.arrayContaining(['g:楼上', 'g:滴水', 'g:楼上滴']))
    const length = Math.hypot(...features.values())
    expect(length).toBeCloseTo(1, 6)
  })
})

describe('where a word stands', () => {
  it('weighs the first matter above one tacked on after 还有 / 另外', () => {
    const features = featurize('楼上漏水，还有就是网吧通宵')
    expect(features.get('w:漏水')!).toBeGreaterThan(2 * features.get('w:网吧')!)
    // “还有” inside a clause goes on with the same matter: no discount.
    const same = featurize('喷漆还有味道刺鼻')
    expect(same.get('w:刺鼻')!).toBeGreaterThan(0.5 * same.get('w:喷漆')!)
  })
})

describe('calibrateThreshold', () => {
  it('picks the lowest confidence whose band is right at least 99 % of the time (95 % sure)', () => {
    const outcomes = [
      ...Array.from({ length: 1000 }, (_, at) => ({
        confidence: 0.99 - at / 100_000,
        correct: at !== 500 && at !== 900,
      })),
      ...Array.from({ length: 50 }, (_, at) => ({ confidence: 0.5 - at / 1000, correct: false })),
    ]
    const threshold = calibrateThreshold(outcomes)
    const band = outcomes.filter((outcome) => outcome.confidence >= threshold)
    expect(band.filter((outcome) => outcome.correct).length / band.length).toBeGreaterThanOrEqual(0.99)
    // Every well-predicted case is inside; of the poor ones at most the few the margin allows.
    expect(band.length).toBeGreaterThanOrEqual(1000)
    expect(band.length).toBeLessThan(1010)
  })

  it('does not take 99 right of 100 for 99 %: the band must show it with confidence', () => {
    const outcomes = Array.from({ length: 100 }, (_, at) => ({
      confidence: 0.99 - at / 1000,
      correct: at !== 10,
    }))
    expect(calibrateThreshold(outcomes)).toBe(Infinity)
    expect(wilsonLowerBound(998, 1000)).toBeGreaterThan(0.99)
    expect(wilsonLowerBound(99, 100)).toBeLessThan(0.99)
  })

  it('never opens a band it cannot vouch for: too few cases or never 99 %', () => {
    const few = Array.from({ length: minimumBandSize - 1 }, () => ({ confidence: 0.99, correct: true }))
    expect(calibrateThreshold(few)).toBe(Infinity)
    const poor = Array.from({ length: 300 }, (_, at) => ({
      confidence: 1 - at / 1000,
      correct: at % 10 !== 0,
    }))
    expect(calibrateThreshold(poor)).toBe(Infinity)
  })
})

describe('the dispatch model', () => {
  const samples: TrainingSample[] = [
    ...['楼上漏水把天花板泡了', '卫生间漏水渗到楼下', '顶楼漏雨墙上发霉', '墙体开裂像危房'].map((text) => ({
      text,
      categoryCode: 'housing.repair',
      unitId: 'housing',
    })),
    ...['网吧让未成年人上网', '网吧里抽烟没人管', '网吧通宵营业有人打架', '学生逃课去网吧'].map((text) => ({
      text,
      categoryCode: 'culture.netcafe',
      unitId: 'culture',
    })),
  ]

  it('ranks categories and units best first, with the words that drove them', () => {
    const { model, report } = trainDispatchModel(samples, { lexicon: false })
    expect(report).toMatchObject({ samples: 8, categories: 2, units: 2 })
    const prediction = predictDispatch(model, '我家楼上一直漏水')
    expect(prediction.categories[0]).toMatchObject({ label: 'housing.repair' })
    expect(prediction.categories[0]!.terms).toContain('漏水')
    expect(prediction.units[0]).toMatchObject({ label: 'housing' })
    expect(prediction.categories[0]!.score).toBeGreaterThan(prediction.categories[1]!.score)
    // Eight cases cannot show 99 % precision: nothing is dispatched automatically.
    expect(prediction.auto).toBe(false)
  })

  it('learns the same way twice (deterministic)', () => {
    const first = predictDispatch(trainDispatchModel(samples).model, '网吧有小孩')
    const second = predictDispatch(trainDispatchModel(samples).model, '网吧有小孩')
    expect(second).toEqual(first)
  })
})

describe('calibrateThreshold without evidence', () => {
  it('keeps predictions without evidence (confidence 0) out of the band even when all are right', () => {
    const outcomes = Array.from({ length: 800 }, (_, at) => ({
      confidence: at < 400 ? 0.9 : 0,
      correct: true,
    }))
    expect(calibrateThreshold(outcomes)).toBe(0.9)
  })
})

describe('training in a server', () => {
  it('gives the event loop a turn while it trains, and learns the same model as at once', async () => {
    const samples: TrainingSample[] = Array.from({ length: 400 }, (_, at) => ({
      text: at % 2 ? `楼上第${at}户漏水把天花板泡了` : `网吧第${at}号机让未成年人上网`,
      categoryCode: at % 2 ? 'housing.repair' : 'culture.netcafe',
      unitId: at % 2 ? 'housing' : 'culture',
      group: String(at % 40),
    }))
    // A request arriving during the training: counted each time the event loop gets a turn.
    let turns = 0
    let waiting = true
    const tick = () => {
      turns++
      if (waiting) setImmediate(tick)
    }
    setImmediate(tick)
    const trained = await trainDispatchModelYielding(samples)
    waiting = false
    expect(turns).toBeGreaterThan(10)
    const atOnce = trainDispatchModel(samples)
    expect(trained.report).toEqual(atOnce.report)
    expect(predictDispatch(trained.model, '楼上漏水')).toEqual(predictDispatch(atOnce.model, '楼上漏水'))
  }, 120_000)
})

describe('ranking and confidence', () => {
  const samples: TrainingSample[] = Array.from({ length: 60 }, (_, at) => ({
    text: [`楼上漏水第${at}回`, `网吧通宵第${at}回`, `路灯不亮第${at}回`][at % 3]!,
    categoryCode: ['housing.repair', 'culture.netcafe', 'urban.road'][at % 3]!,
    unitId: ['housing', 'culture', 'street'][at % 3]!,
    group: String(at),
  }))

  it('ranks with a sharper naive Bayes share than the calibrated confidence reads', () => {
    const { model } = trainDispatchModel(samples, {
      lexicon: false,
      unitNaiveBayesShare: 3,
      confidenceNaiveBayesShare: 0,
    })
    const prediction = predictDispatch(model, '楼上漏水')
    expect(prediction.units[0]!.label).toBe('housing')
    // The band compares the confidence model's probability, not the ranking's score.
    expect(prediction.confidence).toBeGreaterThan(0)
    expect(prediction.confidence).toBeLessThan(prediction.units[0]!.score)
    // One share and one power for both: the confidence is the ranking's score.
    const same = trainDispatchModel(samples, {
      lexicon: false,
      unitNaiveBayesShare: 3,
      confidenceNaiveBayesShare: 3,
      unitMixPower: 4,
      confidenceMixPower: 4,
    })
    const again = predictDispatch(same.model, '楼上漏水')
    expect(again.confidence).toBe(again.units[0]!.score)
  })
})

describe('learning a new unit from corrections', () => {
  it('sends most of a new topic to the unit 20 corrected cases named (the bench learning curve)', () => {
    const file = fileURLToPath(new URL('./evaluation/newTopic.tsv', import.meta.url))
    const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean)
    const train = asSamples(loadEvaluationSet().filter((row) => row.split === 'train'))
    const taught = texts.slice(0, 20).map((text) => ({ text, categoryCode: 'other', unitId: '邮政管理局' }))
    const model = fitDispatchModel([...train, ...taught])
    const probe = texts.slice(20)
    const right = probe.filter((text) => predictDispatch(model, text).units[0]!.label === '邮政管理局')
    // A unit with 20 cases among 4,800 must not be drowned by naive Bayes' smoothing.
    expect(right.length / probe.length).toBeGreaterThanOrEqual(0.8)
  }, 300_000)
})

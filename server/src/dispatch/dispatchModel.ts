import { buildFeatureTableSteps, tableVector, type FeatureTable } from './featureTable'
import { textFeatures, type TextFeatures } from './features'
import { categoryLexicon } from './lexicon'
import {
  contributions,
  probabilities,
  runSteps,
  runStepsYielding,
  trainLinearSteps,
  type LinearModel,
  type SparseVector,
  type Steps,
  type TrainOptions,
} from './linearModel'
import { blendLinear, naiveBayesSmoothedSteps } from './naiveBayes'
import { unitScratch, unitVector } from './unitFeatures'

/** One settled case as the model learns from it. */
export interface TrainingSample {
  text: string
  categoryCode: string
  unitId: string
  /** Samples of one group (variants of one complaint) never straddle a cross-validation split. */
  group?: string
}

export interface RankedLabel {
  label: string
  score: number
  terms: string[]
}

export interface DispatchPrediction {
  categories: RankedLabel[]
  units: RankedLabel[]
  /** The top unit's probability (0 without a word as evidence): compared with the auto threshold. */
  confidence: number
  auto: boolean
}

export interface DispatchModel {
  category: LinearModel
  unit: LinearModel
  /** The unit model the auto band's confidence reads, when it is not `unit` (same rows). */
  unitConfidence?: LinearModel
  /** Powers of the category probabilities weighing the unit mix: for the ranking, for the confidence. */
  mixPower: number
  confidenceMixPower: number
  /**
   * P(unit | category) from the cases' counts (`[category * units + unit]`, in the classes' order)
   * and its share in the ranking: Σ P(category | text) · P(unit | category) beside the unit mix.
   */
  unitGivenCategory?: Float64Array
  categoryUnitShare?: number
  /** Automatic dispatch needs the top unit's probability at or above this (Infinity: never). */
  autoThreshold: number
}

export interface CrossValidation {
  top1: number
  top3: number
  unitTop1: number
  unitTop3: number
  autoThreshold: number
  autoPrecision: number
  autoCoverage: number
}

export interface TrainReport extends CrossValidation {
  samples: number
  categories: number
  units: number
}

export type FitOptions = TrainOptions & {
  lexicon?: boolean
  /** L2 penalty of the category model (default `categoryL2`); `l2` applies to both when given. */
  categoryL2?: number
  /** L2 penalty of the unit model (default none). */
  unitL2?: number
  /** Share of naive Bayes in the unit model (default `unitNaiveBayesShare`, 0: regression only). */
  unitNaiveBayesShare?: number
  /** Share of naive Bayes in the unit model the confidence reads (default `confidenceNaiveBayesShare`). */
  confidenceNaiveBayesShare?: number
  /** Smoothing of the ranking's naive Bayes (default `naiveBayesAlpha`). */
  naiveBayesAlpha?: number
  /** Smoothing of the confidence's naive Bayes (default `confidenceNaiveBayesAlpha`). */
  confidenceNaiveBayesAlpha?: number
  /** Power of the category probabilities in the unit ranking's mix (default `unitMixPower`). */
  unitMixPower?: number
  /** Power in the confidence's mix (default `confidenceMixPower`). */
  confidenceMixPower?: number
  /** Share of Σ P(category | text) · P(unit | category) in the unit ranking (default 0). */
  categoryUnitShare?: number
}

/** P(unit | category) over the members, Laplace-smoothed (a category without cases: uniform). */
function unitGivenCategoryTable(
  encoded: Encoded,
  members: number[],
  categoryClasses: string[],
  unitClasses: string[],
): Float64Array {
  const categoryAt = new Map(categoryClasses.map((code, at) => [code, at]))
  const unitAt = new Map(unitClasses.map((unit, at) => [unit, at]))
  const units = unitClasses.length
  const counts = new Float64Array(categoryClasses.length * units).fill(0.5)
  for (const n of members) {
    const c = categoryAt.get(encoded.categoryCodes[n]!)
    const u = unitAt.get(encoded.unitIds[n]!)
    if (c !== undefined && u !== undefined) counts[c * units + u]!++
  }
  for (let c = 0; c < categoryClasses.length; c++) {
    let total = 0
    for (let u = 0; u < units; u++) total += counts[c * units + u]!
    for (let u = 0; u < units; u++) counts[c * units + u]! /= total
  }
  return counts
}

/**
 * A little L2 on the category model, chosen by grouped 5-fold cross-validation on the training
 * split (top-1 0.870 → 0.882): without it a context word seen only in one category's complaints
 * (楼上住户 in neighbour noise) outweighs the topic word (水压) of a complaint it has not seen.
 */
export const categoryL2 = 0.0005

/** Automatic dispatch must be right this often on the cross-validated cases. */
export const autoPrecisionTarget = 0.99
/** Below this many cross-validated cases in the band, 99 % cannot be told from chance: no auto. */
export const minimumBandSize = 100
/**
 * Cross-validation cost grows with the data: beyond this many cases it runs on a sample of whole
 * groups. 6,000 out-of-fold predictions still put hundreds of cases in the auto band (the
 * Wilson bound needs them), at 60 % of the CPU that 10,000 cost.
 */
const crossValidationCap = 6_000
/** Five folds while history is small; three once it is large (each fold then has thousands). */
const foldsFor = (samples: number) => (samples > 5_000 ? 3 : 5)
/** The unit is weighed over this many likeliest categories. */
const categoriesForUnit = 3
/**
 * Each category's weight in the mix behind the auto band's confidence is its probability to
 * this power: a clear category leads the unit nearly alone, a close call still blends. Chosen by
 * cross-validation on the training split, the auto band's coverage at 99 %: power 1 0.38, 2 0.53,
 * 3 0.58, 4 0.59, 6 0.55 (the top category alone: no band at all, as a wrong category then gives a
 * confidently wrong unit).
 */
export const confidenceMixPower = 4
/**
 * The power of the mix that RANKS the units (the suggestion shown, the unit dispatched): 2, by
 * grouped 5-fold CV on the training split (unit top-1 at ranking share 3, smoothing 0.1: power 1
 * 0.9334, 2 0.9361, 3 0.9350, 4 0.9346). Ranking wants the second category's unit heard more
 * than the band, which must stay out of close calls.
 */
export const unitMixPower = 2

/**
 * The unit model's scores are the regression's plus a share of a multinomial naive Bayes on the
 * same features (its log-likelihoods are linear in them, so it folds into the same weights: no
 * cost per suggestion). Naive Bayes counts every word a unit's cases used, where the regression
 * stops learning a word once its cases are right: on a complaint in new words the counts still
 * point to the unit. Ranking and the auto band's confidence use different blends (two folded
 * models of the same rows).
 *
 * Ranking, by grouped 5-fold CV on the training split (unit top-1 over all training cases / over
 * the original bases with the later history in every fold; ranking power 2): one blend for both
 * (share 0.4, smoothing 0.1, power 4) 0.9303/0.9378; share 0.8 0.9321/0.9470, 1.5 0.9340/0.9548,
 * 3 0.9361/0.9542, 5 0.9346/0.9535, 10 0.9334/0.9522 at smoothing 0.1. But at 0.1 a large share
 * drowns a unit with few cases: after 20 corrected cases of a new unit (the bench's learning
 * curve) 0.2 of its next cases went there at share 3, 0.4 at 1.5, against 0.9 at 0.4. The
 * smoothing is why: `alpha` × every row outweighs a small unit's own counts. At smoothing 0.01:
 * share 1.5 0.9357/0.9529, 3 0.9330/0.9516, and the new unit is learnt (0 / 0.5 / 1.0 after 0 / 5
 * / 20 corrections, against 0 / 0 / 0.9 before).
 */
export const unitNaiveBayesShare = 1.5
/** Additive smoothing of naive Bayes' feature shares in the ranking (see `unitNaiveBayesShare`). */
export const naiveBayesAlpha = 0.01
/**
 * The confidence's blend is the one before: share 0.4 gave the widest band at 99 % (coverage 0
 * 0.712, 0.05 0.729, 0.1 0.739, 0.2 0.752, 0.4 0.760, 0.8 0.751, 1.5 0.732); a large share makes
 * naive Bayes' overconfident probabilities the band's, and the band narrows. Smoothing 0.01 there
 * too widened the band a little in CV (0.760 → 0.772 at precision 0.993) but was kept at 0.1: it
 * is the confidence whose band was measured on the held-out set (precision 1.000, coverage 0.755).
 */
export const confidenceNaiveBayesShare = 0.4
/** Additive smoothing in the confidence's naive Bayes. */
export const confidenceNaiveBayesAlpha = 0.1

/** The lexicon phrases as category-only documents (twice: a phrase is short, history is long). */
function lexiconSamples(): Array<{ text: string; categoryCode: string }> {
  return Object.entries(categoryLexicon).flatMap(([categoryCode, phrases]) =>
    phrases.flatMap((text) => [
      { text, categoryCode },
      { text, categoryCode },
    ]),
  )
}

/** The cases (and seed phrases) encoded once, with their labels as class indices. */
interface Encoded {
  table: FeatureTable
  cases: number
  categoryCodes: string[]
  unitIds: string[]
}

function* encodeAll(samples: readonly TrainingSample[], lexicon: boolean): Steps<Encoded> {
  const seeds = lexicon ? lexiconSamples() : []
  const table = yield* buildFeatureTableSteps(
    (function* () {
      for (const sample of samples) yield sample.text
      for (const seed of seeds) yield seed.text
    })(),
  )
  return {
    table,
    cases: samples.length,
    categoryCodes: [
      ...samples.map((sample) => sample.categoryCode),
      ...seeds.map((seed) => seed.categoryCode),
    ],
    unitIds: samples.map((sample) => sample.unitId),
  }
}

function classIndex(labels: readonly string[], members: ArrayLike<number>) {
  const classes = [...new Set(Array.from(members, (n) => labels[n]!))].sort()
  const position = new Map(classes.map((label, at) => [label, at]))
  const ids = Int32Array.from(labels, (label) => position.get(label) ?? -1)
  return { classes, labelOf: (n: number) => ids[n]! }
}

/**
 * Trains the category model (cases plus the seed lexicon) and the unit model (cases only: their
 * text, their category as handled and the words crossed with it) on the given members of the
 * encoded set. No calibration here: see `trainDispatchModel`.
 */
function* fitEncoded(encoded: Encoded, caseMembers: number[], options: FitOptions): Steps<DispatchModel> {
  const { table } = encoded
  const seedMembers = Array.from({ length: table.size - encoded.cases }, (_, at) => encoded.cases + at)
  const categoryMembers = [...caseMembers, ...seedMembers]
  const categories = classIndex(encoded.categoryCodes, categoryMembers)
  const category = yield* trainLinearSteps(
    { vector: (n) => tableVector(table, n) },
    categoryMembers,
    categories.labelOf,
    categories.classes,
    { ...options, l2: options.l2 ?? options.categoryL2 ?? categoryL2 },
  )
  const units = classIndex(encoded.unitIds, caseMembers)
  const scratch = unitScratch()
  const unitCorpus = {
    vector: (n: number) =>
      unitVector(
        tableVector(table, n),
        table.wordHashes.subarray(table.wordOffsets[n]!, table.wordOffsets[n + 1]!),
        encoded.categoryCodes[n]!,
        scratch,
      ),
  }
  const regression = yield* trainLinearSteps(unitCorpus, caseMembers, units.labelOf, units.classes, {
    ...options,
    l2: options.l2 ?? options.unitL2 ?? 0,
  })
  const share = options.unitNaiveBayesShare ?? unitNaiveBayesShare
  const confidenceShare = options.confidenceNaiveBayesShare ?? confidenceNaiveBayesShare
  const alpha = options.naiveBayesAlpha ?? naiveBayesAlpha
  const confidenceAlpha = options.confidenceNaiveBayesAlpha ?? confidenceNaiveBayesAlpha
  // One count of the cases, smoothed once or twice.
  const [bayes, confidenceBayes] =
    share > 0 || confidenceShare > 0
      ? yield* naiveBayesSmoothedSteps(
          regression,
          unitCorpus,
          caseMembers,
          units.labelOf,
          alpha === confidenceAlpha ? [alpha] : [alpha, confidenceAlpha],
        )
      : []
  const blend = (bayesModel: LinearModel | undefined, weight: number) =>
    bayesModel && weight > 0 ? blendLinear(regression, bayesModel, weight) : regression
  const unit = blend(bayes, share)
  const mixPower = options.unitMixPower ?? unitMixPower
  const categoryShare = options.categoryUnitShare ?? 0
  return {
    category,
    unit,
    ...(categoryShare > 0
      ? {
          categoryUnitShare: categoryShare,
          unitGivenCategory: unitGivenCategoryTable(encoded, caseMembers, category.classes, unit.classes),
        }
      : {}),
    ...(confidenceShare !== share || alpha !== confidenceAlpha
      ? { unitConfidence: blend(confidenceBayes ?? bayes, confidenceShare) }
      : {}),
    mixPower,
    confidenceMixPower: options.confidenceMixPower ?? confidenceMixPower,
    autoThreshold: Infinity,
  }
}

export function fitDispatchModel(
  samples: readonly TrainingSample[],
  options: FitOptions = {},
): DispatchModel {
  return runSteps(
    (function* () {
      const encoded = yield* encodeAll(samples, options.lexicon !== false)
      return yield* fitEncoded(
        encoded,
        Array.from(samples, (_, at) => at),
        options,
      )
    })(),
  )
}

/**
 * Readable terms behind a class: words first (a dispatcher reads “漏水”, not “水好”), then
 * n-grams of two characters or more that no chosen word contains. `termAt` maps a feature's
 * position to the resident's word or n-gram (null for features that are not the resident's).
 */
function explain(
  model: LinearModel,
  x: SparseVector,
  classAt: number,
  termAt: (at: number) => { term: string; word: boolean } | null,
  limit = 3,
): string[] {
  const ranked = contributions(model, x, classAt)
    .map((item) => termAt(item.at))
    .filter((item): item is { term: string; word: boolean } => item !== null)
  const chosen: string[] = []
  for (const item of ranked)
    if (item.word && chosen.length < limit && !chosen.includes(item.term)) chosen.push(item.term)
  for (const item of ranked) {
    if (chosen.length >= Math.min(limit, 2)) break
    if (item.word || item.term.length < 2) continue
    if (!chosen.some((word) => word.includes(item.term) || item.term.includes(word))) chosen.push(item.term)
  }
  return chosen
}

function order(p: Float64Array, classes: string[]): number[] {
  return Array.from(p.keys()).sort((a, b) => p[b]! - p[a]! || classes[a]!.localeCompare(classes[b]!))
}

function textTerm(features: TextFeatures) {
  return (at: number) =>
    at < features.buckets.length ? { term: features.terms![at]!, word: at < features.wordCount } : null
}

/** Predictions run one at a time (JavaScript is single-threaded): one buffer serves them all. */
const predictScratch = unitScratch()

/**
 * The unit over the likeliest categories, each weighed by its probability: a case between two
 * categories gets the unit both would agree on. Terms come from the likeliest category's view,
 * where a word crossed with the category is the resident's word too.
 */
function rankUnits(
  model: DispatchModel,
  features: TextFeatures,
  categoryP: Float64Array,
  categoryOrder: number[],
  limit: number,
) {
  const scratch = predictScratch
  const wordHashes = features.wordHashes
  const unitCount = model.unit.classes.length
  const mixed = new Float64Array(unitCount)
  const sure = new Float64Array(unitCount)
  const considered = categoryOrder.slice(0, categoriesForUnit)
  const weightsAt = (power: number) => {
    const weights = considered.map((at) => categoryP[at]! ** power)
    const total = weights.reduce((sum, weight) => sum + weight, 0) || 1
    return weights.map((weight) => weight / total)
  }
  const rankWeights = weightsAt(model.mixPower)
  const sureWeights = weightsAt(model.confidenceMixPower)
  let topView: SparseVector | null = null
  for (const [k, at] of considered.entries()) {
    const x = unitVector(features, wordHashes, model.category.classes[at]!, scratch)
    const p = probabilities(model.unit, x)
    const q = model.unitConfidence ? probabilities(model.unitConfidence, x) : p
    for (let u = 0; u < unitCount; u++) {
      mixed[u]! += p[u]! * rankWeights[k]!
      sure[u]! += q[u]! * sureWeights[k]!
    }
    if (!topView) topView = { buckets: x.buckets.slice(), values: x.values.slice() }
  }
  const table = model.unitGivenCategory
  const share = model.categoryUnitShare ?? 0
  if (table && share > 0) {
    for (let u = 0; u < unitCount; u++) mixed[u]! *= 1 - share
    for (let c = 0; c < categoryP.length; c++)
      for (let u = 0; u < unitCount; u++) mixed[u]! += share * categoryP[c]! * table[c * unitCount + u]!
  }
  const text = textTerm(features)
  const textSize = features.buckets.length
  const termAt = (at: number) => {
    if (at < textSize) return text(at)
    const word = at - textSize - 1 // after the text's features: the category, then the crosses
    return word >= 0 && word < features.wordCount ? { term: features.terms![word]!, word: true } : null
  }
  const ranked = order(mixed, model.unit.classes)
    .slice(0, limit)
    .map((u) => ({
      label: model.unit.classes[u]!,
      score: mixed[u]!,
      terms: topView ? explain(model.unit, topView, u, termAt) : [],
    }))
  // The band's confidence is the confidence mix's probability of the unit ranked first.
  const top = ranked[0] ? sure[model.unit.classes.indexOf(ranked[0].label)]! : 0
  return { ranked, top }
}

export function predictDispatch(model: DispatchModel, text: string, limit = 3): DispatchPrediction {
  const features = textFeatures(text, true)
  const categoryP = probabilities(model.category, features)
  const categoryOrder = order(categoryP, model.category.classes)
  const categories = categoryOrder.slice(0, limit).map((at) => ({
    label: model.category.classes[at]!,
    score: categoryP[at]!,
    terms: explain(model.category, features, at, textTerm(features)),
  }))
  const { ranked: units, top } = rankUnits(model, features, categoryP, categoryOrder, limit)
  // Automatic dispatch needs a word of the resident's that points to the unit: a confident
  // guess from function words or the class prior alone ("想问一下") is no evidence, and could not
  // be explained on the case either. Calibration applies the same rule (confidence 0 otherwise).
  const written = new Set(features.terms!.slice(0, features.wordCount))
  const evidence = units[0]?.terms.some((term) => written.has(term)) ?? false
  const confidence = evidence ? top : 0
  return { categories, units, confidence, auto: confidence >= model.autoThreshold }
}

function hashOf(text: string): number {
  let hash = 2166136261
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619)
  return hash >>> 0
}

/** How sure the band's precision must be: one-sided 95 % (z = 1.645). */
const bandConfidenceZ = 1.645

/** Wilson score lower bound of a share `right / size` at `z`. */
export function wilsonLowerBound(right: number, size: number, z = bandConfidenceZ): number {
  if (size === 0) return 0
  const share = right / size
  const z2 = z * z
  const spread = z * Math.sqrt((share * (1 - share)) / size + z2 / (4 * size * size))
  return (share + z2 / (2 * size) - spread) / (1 + z2 / size)
}

/**
 * The lowest threshold whose band (every prediction at or above it) is right at least 99 % of
 * the time with 95 % confidence (the Wilson lower bound of its precision, not the observed share:
 * 99 of 100 right does not show 99 %), with at least `minimumBandSize` predictions in it;
 * Infinity when none is.
 */
export function calibrateThreshold(
  outcomes: ReadonlyArray<{ confidence: number; correct: boolean }>,
): number {
  const sorted = [...outcomes].sort((a, b) => b.confidence - a.confidence)
  let right = 0
  let threshold = Infinity
  for (let i = 0; i < sorted.length; i++) {
    // Confidence 0 means no evidence at all: such a prediction is never inside the band.
    if (sorted[i]!.confidence <= 0) break
    if (sorted[i]!.correct) right++
    const size = i + 1
    // Only cut between distinct confidences: a tie cannot be half inside the band.
    const boundary = i + 1 === sorted.length || sorted[i + 1]!.confidence < sorted[i]!.confidence
    if (boundary && size >= minimumBandSize && wilsonLowerBound(right, size) >= autoPrecisionTarget)
      threshold = sorted[i]!.confidence
  }
  return threshold
}

/** The cases cross-validation runs on: all of them, or a sample of whole groups beyond the cap. */
function validationPool(samples: readonly TrainingSample[], candidates: number[]): number[] {
  if (candidates.length <= crossValidationCap) return candidates
  return candidates.filter(
    (at) => hashOf(samples[at]!.group ?? String(at)) % candidates.length < crossValidationCap,
  )
}

function* crossValidateEncoded(
  samples: readonly TrainingSample[],
  encoded: Encoded,
  folds: number,
  options: FitOptions,
  validateOn?: (sample: TrainingSample) => boolean,
): Steps<CrossValidation> {
  const all = Array.from(samples, (_, at) => at)
  // Cases outside `validateOn` are in every fold's training and never tested.
  const alwaysTrained = validateOn ? all.filter((at) => !validateOn(samples[at]!)) : []
  const pool = validationPool(samples, validateOn ? all.filter((at) => validateOn(samples[at]!)) : all)
  const foldOf = pool.map((at) => hashOf(samples[at]!.group ?? `#${at}`) % folds)
  let top1 = 0
  let top3 = 0
  let unitTop1 = 0
  let unitTop3 = 0
  let tested = 0
  const outcomes: Array<{ confidence: number; correct: boolean }> = []
  for (let fold = 0; fold < folds; fold++) {
    const train = [...alwaysTrained, ...pool.filter((_, k) => foldOf[k] !== fold)]
    const test = pool.filter((_, k) => foldOf[k] === fold)
    if (!train.length || !test.length) continue
    const model = yield* fitEncoded(encoded, train, options)
    for (const [k, at] of test.entries()) {
      if (k % 256 === 255) yield
      const sample = samples[at]!
      const prediction = predictDispatch(model, sample.text)
      tested++
      const categoryAt = prediction.categories.findIndex((item) => item.label === sample.categoryCode)
      const unitAt = prediction.units.findIndex((item) => item.label === sample.unitId)
      if (categoryAt === 0) top1++
      if (categoryAt >= 0) top3++
      if (unitAt === 0) unitTop1++
      if (unitAt >= 0) unitTop3++
      outcomes.push({ confidence: prediction.confidence, correct: unitAt === 0 })
    }
  }
  const autoThreshold = calibrateThreshold(outcomes)
  const band = outcomes.filter((outcome) => outcome.confidence >= autoThreshold)
  const share = (count: number) => (tested ? count / tested : 0)
  return {
    top1: share(top1),
    top3: share(top3),
    unitTop1: share(unitTop1),
    unitTop3: share(unitTop3),
    autoThreshold,
    autoPrecision: band.length ? band.filter((outcome) => outcome.correct).length / band.length : 0,
    autoCoverage: share(band.length),
  }
}

/**
 * k-fold cross-validation by group: accuracy of both models and the calibrated auto band. With
 * `validateOn`, only those cases are folded and tested; the others train every fold.
 */
export function crossValidate(
  samples: readonly TrainingSample[],
  folds = 5,
  options: FitOptions = {},
  validateOn?: (sample: TrainingSample) => boolean,
): CrossValidation {
  return runSteps(
    (function* () {
      return yield* crossValidateEncoded(
        samples,
        yield* encodeAll(samples, options.lexicon !== false),
        folds,
        options,
        validateOn,
      )
    })(),
  )
}

/**
 * Cross-validates (the out-of-fold predictions are the calibration split of the auto band:
 * cases no fold model saw), then trains on every sample with the calibrated threshold. The
 * texts are encoded once for all of it.
 */
export function trainDispatchModel(
  samples: readonly TrainingSample[],
  options: FitOptions = {},
): { model: DispatchModel; report: TrainReport } {
  return runSteps(trainDispatchSteps(samples, options))
}

/**
 * `trainDispatchModel` giving the event loop a turn every few milliseconds of work: a server
 * that trains keeps answering suggestions and submissions meanwhile (a 100k training is half a
 * minute of CPU, which would otherwise hold every request of the instance).
 */
export function trainDispatchModelYielding(
  samples: readonly TrainingSample[],
  options: FitOptions = {},
): Promise<{ model: DispatchModel; report: TrainReport }> {
  return runStepsYielding(trainDispatchSteps(samples, options))
}

function* trainDispatchSteps(
  samples: readonly TrainingSample[],
  options: FitOptions,
): Steps<{ model: DispatchModel; report: TrainReport }> {
  const encoded = yield* encodeAll(samples, options.lexicon !== false)
  const validation = yield* crossValidateEncoded(samples, encoded, foldsFor(samples.length), options)
  const model = {
    ...(yield* fitEncoded(
      encoded,
      Array.from(samples, (_, at) => at),
      options,
    )),
    autoThreshold: validation.autoThreshold,
  }
  return {
    model,
    report: {
      ...validation,
      samples: samples.length,
      categories: model.category.classes.length,
      units: model.unit.classes.length,
    },
  }
}

import { featurize, words } from './features'
import { categoryLexicon } from './lexicon'
import {
  encode,
  explain,
  probabilities,
  trainLinear,
  type LinearModel,
  type SparseVector,
  type TrainOptions,
} from './linearModel'

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

/** Automatic dispatch must be right this often on the cross-validated cases. */
export const autoPrecisionTarget = 0.99
/** Below this many cross-validated cases in the band, 99 % cannot be told from chance: no auto. */
export const minimumBandSize = 100
/** Cross-validation cost grows with the data: beyond this many cases it runs on a sample. */
const crossValidationCap = 20_000

function fitOne(
  vectors: ReturnType<typeof encode>[],
  labels: string[],
  index: { features: string[]; index: Map<string, number> },
  options: TrainOptions,
): LinearModel {
  const classes = [...new Set(labels)].sort()
  const position = new Map(classes.map((label, at) => [label, at]))
  return trainLinear(
    vectors,
    labels.map((label) => position.get(label)!),
    classes,
    index,
    options,
  )
}

/** How much the category weighs among a text's features when the unit is chosen. */
const categoryFeatureWeight = 0.6

/** The unit model also sees the category: most categories have a usual unit. */
function withCategory(features: Map<string, number>, categoryCode: string, weight = categoryFeatureWeight) {
  return new Map(features).set(`c:${categoryCode}`, weight)
}

/** The lexicon phrases as category-only documents (twice: a phrase is short, history is long). */
function lexiconSamples(): Array<{ text: string; categoryCode: string }> {
  return Object.entries(categoryLexicon).flatMap(([categoryCode, phrases]) =>
    phrases.flatMap((text) => [
      { text, categoryCode },
      { text, categoryCode },
    ]),
  )
}

/** Adds a text's features to the vocabulary and encodes it at once: no feature map is kept. */
function encodeGrowing(
  vocabulary: { features: string[]; index: Map<string, number> },
  features: Map<string, number>,
) {
  for (const key of features.keys())
    if (!vocabulary.index.has(key)) {
      vocabulary.index.set(key, vocabulary.features.length)
      vocabulary.features.push(key)
    }
  return encode(vocabulary.index, features)
}

/** A text's vector with its category feature appended (the unit model's input). */
function appendFeature(x: SparseVector, index: number, value: number): SparseVector {
  const indices = new Int32Array(x.indices.length + 1)
  indices.set(x.indices)
  indices[x.indices.length] = index
  const values = new Float32Array(x.values.length + 1)
  values.set(x.values)
  values[x.values.length] = value
  return { indices, values }
}

/**
 * Trains the category model (cases plus the seed lexicon) and the unit model (cases only, their
 * text and their category as handled). No calibration here: see `trainDispatchModel`. Texts are
 * encoded one by one into typed arrays, so 100k cases fit in a few hundred MB.
 */
export function fitDispatchModel(
  samples: readonly TrainingSample[],
  options: TrainOptions & { lexicon?: boolean } = {},
): DispatchModel {
  const seeds = options.lexicon === false ? [] : lexiconSamples()
  const vocabulary = { features: [] as string[], index: new Map<string, number>() }
  const caseVectors = samples.map((sample) => encodeGrowing(vocabulary, featurize(sample.text)))
  const seedVectors = seeds.map((seed) => encodeGrowing(vocabulary, featurize(seed.text)))
  const categoryIndex = (code: string) => encodeGrowing(vocabulary, new Map([[`c:${code}`, 1]])).indices[0]!
  const unitVectors = caseVectors.map((x, at) =>
    appendFeature(x, categoryIndex(samples[at]!.categoryCode), categoryFeatureWeight),
  )
  return {
    category: fitOne(
      [...caseVectors, ...seedVectors],
      [...samples.map((sample) => sample.categoryCode), ...seeds.map((seed) => seed.categoryCode)],
      vocabulary,
      options,
    ),
    unit: fitOne(
      unitVectors,
      samples.map((sample) => sample.unitId),
      vocabulary,
      options,
    ),
    autoThreshold: Infinity,
  }
}

function rank(model: LinearModel, x: ReturnType<typeof encode>, limit: number): RankedLabel[] {
  const p = probabilities(model, x)
  return Array.from(p.keys())
    .sort((a, b) => p[b]! - p[a]! || model.classes[a]!.localeCompare(model.classes[b]!))
    .slice(0, limit)
    .map((at) => ({ label: model.classes[at]!, score: p[at]!, terms: explain(model, x, at) }))
}

export function predictDispatch(model: DispatchModel, text: string, limit = 3): DispatchPrediction {
  const features = featurize(text)
  // Both models share one vocabulary.
  const x = encode(model.category.index, features)
  const categories = rank(model.category, x, limit)
  // The unit model sees the likeliest category as its category feature.
  const units = rank(
    model.unit,
    encode(model.unit.index, withCategory(features, categories[0]?.label ?? '')),
    limit,
  )
  // Automatic dispatch needs a word of the resident's that points to the unit: a confident
  // guess from function words or the class prior alone ("想问一下") is no evidence, and could not
  // be explained on the case either. Calibration applies the same rule (confidence 0 otherwise).
  const written = new Set(words(text))
  const evidence = units[0]?.terms.some((term) => written.has(term)) ?? false
  const confidence = evidence ? (units[0]?.score ?? 0) : 0
  return { categories, units, confidence, auto: confidence >= model.autoThreshold }
}

function hashOf(text: string): number {
  let hash = 2166136261
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619)
  return hash >>> 0
}

/**
 * The lowest threshold whose band (every prediction at or above it) is right at least 99 % of
 * the time, with at least `minimumBandSize` predictions in it; Infinity when none is.
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
    if (boundary && size >= minimumBandSize && right / size >= autoPrecisionTarget)
      threshold = sorted[i]!.confidence
  }
  return threshold
}

/** k-fold cross-validation by group: accuracy of both models and the calibrated auto band. */
export function crossValidate(
  samples: readonly TrainingSample[],
  folds = 5,
  options: TrainOptions & { lexicon?: boolean } = {},
): CrossValidation {
  const pool =
    samples.length > crossValidationCap
      ? samples.filter(
          (sample, at) => hashOf(sample.group ?? String(at)) % samples.length < crossValidationCap,
        )
      : samples
  const foldOf = pool.map((sample, at) => hashOf(sample.group ?? `#${at}`) % folds)
  let top1 = 0
  let top3 = 0
  let unitTop1 = 0
  let unitTop3 = 0
  let tested = 0
  const outcomes: Array<{ confidence: number; correct: boolean }> = []
  for (let fold = 0; fold < folds; fold++) {
    const train = pool.filter((_, at) => foldOf[at] !== fold)
    const test = pool.filter((_, at) => foldOf[at] === fold)
    if (!train.length || !test.length) continue
    const model = fitDispatchModel(train, options)
    for (const sample of test) {
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

/** Cross-validates, then trains on every sample with the calibrated auto threshold. */
export function trainDispatchModel(
  samples: readonly TrainingSample[],
  options: TrainOptions & { lexicon?: boolean } = {},
): { model: DispatchModel; report: TrainReport } {
  const validation = crossValidate(samples, 5, options)
  const model = { ...fitDispatchModel(samples, options), autoThreshold: validation.autoThreshold }
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

import { textFeatures } from './features'
import { runSteps, type SparseVector, type Steps } from './linearModel'

/** A typed array that doubles when full: texts are encoded one by one, never held as strings. */
class Growing<T extends Int32Array | Uint32Array | Float32Array> {
  length = 0
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(values: ArrayLike<number>) {
    while (this.length + values.length > this.data.length) {
      const bigger = this.make(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data.set(values, this.length)
    this.length += values.length
  }
  trimmed(): T {
    return this.data.slice(0, this.length) as T
  }
}

/**
 * Every training text's features in four flat typed arrays (about 1 KB per text): the corpus is
 * encoded once and read by every fold of the cross-validation and by the final fit.
 */
export interface FeatureTable {
  size: number
  offsets: Int32Array
  buckets: Int32Array
  values: Float32Array
  wordOffsets: Int32Array
  wordHashes: Uint32Array
}

export function buildFeatureTable(texts: Iterable<string>): FeatureTable {
  return runSteps(buildFeatureTableSteps(texts))
}

/** Texts encoded between two pauses of `buildFeatureTableSteps` (jieba takes ~30 µs a text). */
const textsPerStep = 256

export function* buildFeatureTableSteps(texts: Iterable<string>): Steps<FeatureTable> {
  const buckets = new Growing(new Int32Array(1 << 16), (size) => new Int32Array(size))
  const values = new Growing(new Float32Array(1 << 16), (size) => new Float32Array(size))
  const wordHashes = new Growing(new Uint32Array(1 << 14), (size) => new Uint32Array(size))
  const offsets = [0]
  const wordOffsets = [0]
  for (const text of texts) {
    if (offsets.length % textsPerStep === 0) yield
    const features = textFeatures(text)
    buckets.push(features.buckets)
    values.push(features.values)
    wordHashes.push(features.wordHashes)
    offsets.push(buckets.length)
    wordOffsets.push(wordHashes.length)
  }
  return {
    size: offsets.length - 1,
    offsets: Int32Array.from(offsets),
    buckets: buckets.trimmed(),
    values: values.trimmed(),
    wordOffsets: Int32Array.from(wordOffsets),
    wordHashes: wordHashes.trimmed(),
  }
}

/** One text's vector: views into the table, no copy. */
export function tableVector(table: FeatureTable, sample: number): SparseVector {
  const start = table.offsets[sample]!
  const end = table.offsets[sample + 1]!
  return { buckets: table.buckets.subarray(start, end), values: table.values.subarray(start, end) }
}

import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'

let jieba: Jieba | null = null
/** The dictionary takes about half a second to load: once per process, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
}

/** Function words that carry no topic; they would only add noise to the explanation. */
const stopWords = new Set(
  '的 了 是 我 我们 你 你们 他 她 它 他们 这 那 这个 那个 就 都 也 还 在 有 没 没有 不 很 太 又 和 与 及 吧 吗 呢 啊 呀 哦 嘛 啦 着 过 被 把 给 让 到 从 对 一个 一下 已经 什么 怎么 为什么 可以 能 要 想 希望 请 麻烦 谢谢 问题 反映 情况 现在 一直 经常 好几 几天 好多 真的 实在 非常 特别 还是 但是 因为 所以 如果 这样 那样 时候 一些 有人 自己 大家 你好 您好 领导 政府 相关 部门 尽快 处理 解决 帮忙 帮助 一下子 天天 每天 每次 不管 我家 俺家 我们家 没人管 好几次 一次 两次 半天 还有 就是 一起 说一下 起来 东西 地方 这边 那边 这里 那里 根本'.split(
    ' ',
  ),
)

const hanOrWord = /[\p{Script=Han}A-Za-z0-9]+/gu

/** Letters, digits and Han characters only, lower case: punctuation and emoji carry no topic. */
function runs(text: string): string[] {
  return text.toLowerCase().match(hanOrWord) ?? []
}

/** Words as jieba cuts them (two characters or more, no function words): these explain a score. */
export function words(text: string): string[] {
  const out: string[] = []
  for (const run of runs(text)) {
    for (const word of segmenter().cut(run, false)) {
      if (word.length >= 2 && !stopWords.has(word) && !/^\d+$/.test(word)) out.push(word)
    }
  }
  return out
}

/**
 * Features are hashed into this many buckets (the hashing trick): no vocabulary of strings is
 * kept, so memory is bounded whatever the history holds, and a collision only merges two rare
 * features' weights.
 */
export const bucketBits = 20
export const bucketMask = (1 << bucketBits) - 1

const fnvOffset = 2166136261
const fnvPrime = 16777619

/** FNV-1a over a prefix code and a slice of a string, without building the substring. */
function hashSlice(prefix: number, text: string, start: number, end: number): number {
  let hash = Math.imul(fnvOffset ^ prefix, fnvPrime)
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), fnvPrime)
  return hash >>> 0
}

/** A second feature's bucket derived from one hash and a salt (the unit model's category crosses). */
export function crossBucket(hash: number, salt: number): number {
  let h = Math.imul(hash ^ Math.imul(salt + 1, 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) & bucketMask
}

const wordPrefix = 0x77 // 'w'
const gramPrefix = 0x67 // 'g'

/**
 * A text as the model sees it: hashed buckets with their values (log-damped counts, scaled to
 * unit length, so long and short complaints weigh alike). Words come first (`wordCount` of
 * them); `terms` (only when asked) are the readable forms, for explanations.
 */
export interface TextFeatures {
  buckets: Int32Array
  values: Float32Array
  /** The raw 32-bit hash of each word feature, for crosses with the category. */
  wordHashes: Uint32Array
  wordCount: number
  terms?: string[]
}

/** Up to three characters: a typo'd or unknown word stays partly recognisable (“楼上滴水” shares 楼上). */
const maxGram = 3

/**
 * How fast a feature's weight falls with its distance (in characters) from the start: residents
 * (and the title) say what the complaint is about first, and tack other matters on after
 * (“…，还有就是…”). Half weight at this many characters in. 25 rather than 40 by grouped
 * cross-validation on the training split (with the aside weight below: top-1 0.862 → 0.870).
 */
export const positionScale = 25

/**
 * Where a resident turns to a second matter: a clause opening with 还有 / 另外 / 顺便 / 再就是 /
 * 此外 (“…，还有就是楼道灯也坏了”). Only at a clause start: “喷漆还有味” goes on with one matter.
 */
const asideMarker = /(?:^|[，,。.！!？?；;\s])(?:还有就是|还有|另外|顺便|再就是|此外|再说)/u

/** What is said after the turn to a second matter still counts, at this share. */
export const asideWeight = 0.15

/**
 * Weight of a feature starting at `position`: 1 at the start, ½ at `positionScale`, and reduced
 * by `asideWeight` from `asideAt` on (the text's length when it has no aside).
 */
function positionWeight(position: number, asideAt: number): number {
  const decay = positionScale > 0 ? 1 / (1 + position / positionScale) : 1
  return position >= asideAt ? decay * asideWeight : decay
}

/**
 * jieba words ("w:漏水") and character 1- to 3-grams ("g:漏", "g:漏水", "g:楼上漏") within each
 * run of characters. Duplicate features are merged (their position weights summed), words
 * before n-grams.
 */
export function textFeatures(text: string, withTerms = false): TextFeatures {
  const lower = text.toLowerCase()
  const aside = asideMarker.exec(lower)
  const asideAt = aside ? aside.index : lower.length
  const table = beginText()
  const terms: string[] | null = withTerms ? [] : null
  const found = [...lower.matchAll(hanOrWord)]
  for (const match of found) {
    let offset = match.index
    for (const word of segmenter().cut(match[0], false)) {
      if (word.length >= 2 && !stopWords.has(word) && !/^\d+$/.test(word))
        if (add(table, hashSlice(wordPrefix, word, 0, word.length), positionWeight(offset, asideAt)) && terms)
          terms.push(word)
      offset += word.length
    }
  }
  const wordCount = table.count
  for (const match of found) {
    const run = match[0]
    for (let n = 1; n <= maxGram; n++)
      for (let i = 0; i + n <= run.length; i++)
        if (
          add(table, hashSlice(gramPrefix, run, i, i + n), positionWeight(match.index + i, asideAt)) &&
          terms
        )
          terms.push(run.slice(i, i + n))
  }
  const count = table.count
  const buckets = new Int32Array(count)
  const values = new Float32Array(count)
  let norm = 0
  for (let k = 0; k < count; k++) {
    buckets[k] = table.hashes[k]! & bucketMask
    const value = Math.log1p(table.weights[k]!)
    values[k] = value
    norm += value * value
  }
  norm = Math.sqrt(norm) || 1
  for (let k = 0; k < count; k++) values[k]! /= norm
  const features: TextFeatures = {
    buckets,
    values,
    wordHashes: table.hashes.slice(0, wordCount),
    wordCount,
  }
  if (terms) features.terms = terms
  return features
}

/** At most this many distinct features per text (a 4,000-character text has about 12,000). */
const featureCapacity = 1 << 14
const slotMask = (1 << 15) - 1

/**
 * One reusable open-addressing table that merges a text's equal features (summing their
 * position weights) in order of first appearance: encoding 100k texts allocates no map per text.
 */
const scratch = {
  slots: new Int32Array(slotMask + 1),
  stamps: new Int32Array(slotMask + 1),
  stamp: 0,
  hashes: new Uint32Array(featureCapacity),
  weights: new Float64Array(featureCapacity),
  count: 0,
}

function beginText() {
  scratch.stamp++
  scratch.count = 0
  return scratch
}

/** Adds a feature's weight; true when the feature is new in this text. */
function add(table: typeof scratch, hash: number, weight: number): boolean {
  let slot = hash & slotMask
  while (table.stamps[slot] === table.stamp) {
    const at = table.slots[slot]!
    if (table.hashes[at] === hash) {
      table.weights[at]! += weight
      return false
    }
    slot = (slot + 1) & slotMask
  }
  if (table.count >= featureCapacity) return false
  table.stamps[slot] = table.stamp
  table.slots[slot] = table.count
  table.hashes[table.count] = hash
  table.weights[table.count++] = weight
  return true
}

/** The features by readable key ("w:漏水", "g:楼上"), for tests and inspection. */
export function featurize(text: string): Map<string, number> {
  const features = textFeatures(text, true)
  return new Map(
    features.terms!.map((term, k) => [`${k < features.wordCount ? 'w' : 'g'}:${term}`, features.values[k]!]),
  )
}

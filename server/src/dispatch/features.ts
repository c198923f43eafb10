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
 * The features of a text: jieba words ("w:漏水") and character 2- and 3-grams ("g:漏水", "g:楼上漏")
 * within each run of characters. The n-grams keep a typo'd or unknown word partly recognisable
 * (“楼上滴水” still shares 楼上) where segmentation alone would lose it. Counts are log-damped and
 * the vector is scaled to unit length, so long and short complaints weigh alike.
 */
export function featurize(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)
  for (const word of words(text)) add(`w:${word}`)
  for (const run of runs(text)) {
    const chars = [...run]
    for (let n = 2; n <= 3; n++)
      for (let i = 0; i + n <= chars.length; i++) add(`g:${chars.slice(i, i + n).join('')}`)
  }
  let norm = 0
  for (const [key, count] of counts) {
    const value = 1 + Math.log(count)
    counts.set(key, value)
    norm += value * value
  }
  norm = Math.sqrt(norm) || 1
  for (const [key, value] of counts) counts.set(key, value / norm)
  return counts
}

/** A feature's readable form for explanations: the word or n-gram without its prefix. */
export function termOf(feature: string): string {
  return feature.slice(2)
}

export function isWordFeature(feature: string): boolean {
  return feature.startsWith('w:')
}

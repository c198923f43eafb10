/**
 * Builds dispatchSet.json from the hand-written base complaints (bases-*.tsv: category, unit,
 * text). Each base gets rewritten the ways residents really write: an opener, typos (homophones
 * from pinyin input), dialect words, a clipped one-liner, and a second topic tacked on. Every
 * fifth base of each category, with all its variants, is held out for testing, so no variant of
 * a test complaint is ever trained on. Run: npx tsx src/dispatch/evaluation/generate.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { mulberry32 } from '../linearModel'

const here = dirname(fileURLToPath(import.meta.url))

/** The seeded units (server/src/seed/demoSeed.ts) the labels name. */
export const unitNames = {
  CUL: '和平区文化和旅游局',
  HOU: '和平区住房和城乡建设局',
  STR: '幸福街道',
  DIS: '和平区',
  COM: '幸福社区',
} as const

const openers = [
  '你好，',
  '领导好，',
  '我要反映个事，',
  '麻烦问一下，',
  '投诉：',
  '急！',
  '求助，',
  '您好我是这边的居民，',
  '12345你好，',
  '',
]
const closers = [
  '，希望尽快解决！',
  '，都好几天了',
  '，谁来管管啊',
  '。谢谢',
  '！！！',
  '，打了好几次电话都没用',
  '，请领导重视',
  '，太气人了',
  '？',
]
/** Pinyin-input slips residents make: the same sound, another character. */
const homophones: Array<[string, string]> = [
  ['在', '再'],
  ['坏', '怀'],
  ['修', '休'],
  ['噪', '躁'],
  ['漏', '露'],
  ['垃圾', '拉圾'],
  ['物业', '物叶'],
  ['暖气', '暖器'],
  ['停电', '挺电'],
  ['路灯', '路登'],
  ['书屋', '书物'],
  ['网吧', '网巴'],
  ['已经', '以经'],
  ['反映', '反应'],
  ['厕所', '侧所'],
  ['燃气', '燃汽'],
  ['电梯', '电题'],
  ['的', '地'],
  ['了', 'la'],
  ['老人', '老仁'],
  ['小区', '小曲'],
  ['晚上', '完上'],
  ['管', '关'],
  ['水', '税'],
  ['不', '布'],
  ['没', '莫'],
  ['社区', '设区'],
  ['养老', '养劳'],
  ['供暖', '共暖'],
  ['演出', '演初'],
  ['信号', '信好'],
  ['施工', '施功'],
  ['补贴', '补帖'],
]
/** Dialect and colloquial words for the standard ones. */
const dialect: Array<[string, string]> = [
  ['什么', '啥'],
  ['我们', '俺们'],
  ['孩子', '娃'],
  ['没有', '没得'],
  ['怎么', '咋'],
  ['这里', '这嘎达'],
  ['很', '贼'],
  ['一直', '老是'],
  ['不知道', '晓不得'],
  ['晚上', '黑了'],
  ['老人', '老年人家'],
  ['特别', '老'],
  ['睡不着', '困不着'],
  ['好几天', '好些天'],
  ['厉害', '凶'],
  ['小孩', '细伢子'],
  ['现在', '这会儿'],
  ['都', '全都'],
  ['我家', '俺家'],
  ['太', '忒'],
  ['邻居', '隔壁邻舍'],
  ['说', '讲'],
  ['看', '瞅'],
]

function clauses(text: string): string[] {
  return text.split(/[，。！？,]/).filter(Boolean)
}

function substitute(
  text: string,
  table: Array<[string, string]>,
  random: () => number,
  times: number,
): string {
  const candidates = table.filter(([from]) => text.includes(from))
  let out = text
  for (let i = 0; i < times && candidates.length; i++) {
    const [from, to] = candidates.splice(Math.floor(random() * candidates.length), 1)[0]!
    out = out.replace(from, to)
  }
  return out
}

interface Base {
  id: string
  categoryCode: string
  unit: keyof typeof unitNames
  text: string
}

/**
 * `others` are the bases an aside may be taken from: those of the same split only, or a training
 * text would carry a held-out complaint's words under another label (leakage, and noise).
 */
function variants(base: Base, others: Base[], random: () => number): Array<{ style: string; text: string }> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const parts = clauses(base.text)
  const short = parts[0]!.length >= 6 || parts.length === 1 ? parts[0]! : `${parts[0]}，${parts[1]}`
  const aside = clauses(pick(others.filter((other) => other.categoryCode !== base.categoryCode)).text)[0]!
  let typo = substitute(base.text, homophones, random, 2)
  if (typo === base.text) {
    const at = 2 + Math.floor(random() * Math.max(1, base.text.length - 4))
    typo = base.text.slice(0, at) + base.text.slice(at + 1) // a dropped character
  }
  return [
    { style: 'original', text: base.text },
    { style: 'opener', text: `${pick(openers)}${base.text}${pick(closers)}` },
    { style: 'typo', text: typo },
    { style: 'dialect', text: `${substitute(base.text, dialect, random, 3)}${pick(closers)}` },
    { style: 'short', text: short },
    { style: 'mixed', text: `${base.text}，还有就是${aside}，也一起说一下` },
  ]
}

/**
 * Labels corrected after review, each by a rule of README.md (base id → category, unit). They
 * are applied after the split is decided, so a relabelled complaint stays on its side.
 */
function relabels(): Map<string, { categoryCode: string; unit: Base['unit'] }> {
  const lines = readFileSync(join(here, 'relabels.tsv'), 'utf8').split('\n').filter(Boolean).slice(1)
  return new Map(
    lines.map((line) => {
      const [base, categoryCode, unit] = line.split('\t')
      return [base!, { categoryCode: categoryCode!, unit: unit as Base['unit'] }]
    }),
  )
}

function readBases(pattern: RegExp): Base[] {
  const bases: Base[] = []
  for (const file of readdirSync(here)
    .filter((name) => pattern.test(name))
    .sort()) {
    const lines = readFileSync(join(here, file), 'utf8').split('\n').filter(Boolean)
    lines.forEach((line, at) => {
      const [categoryCode, unit, text] = line.split('\t')
      bases.push({
        id: `${file.slice(file.indexOf('-') + 1, -4)}-${at + 1}`,
        categoryCode: categoryCode!,
        unit: unit as Base['unit'],
        text: text!,
      })
    })
  }
  return bases
}

export function buildSet() {
  const random = mulberry32(2026)
  const bases = readBases(/^bases-.*\.tsv$/)
  // Later history: training only, read after the split set so the split and the held-out texts
  // stay exactly as they were when it was written.
  const history = readBases(/^history-(?!written-from-definitions).*\.tsv$/)
  // Written after the set's other texts had fixed their asides: these bases come last and are
  // never an earlier base's aside, so every text generated before them stays exactly as it was.
  const appended = readBases(/^history-written-from-definitions\.tsv$/)
  const seenInCategory = new Map<string, number>()
  const splitOf = new Map<Base, 'train' | 'test'>()
  for (const base of bases) {
    const order = seenInCategory.get(base.categoryCode) ?? 0
    seenInCategory.set(base.categoryCode, order + 1)
    splitOf.set(base, order % 5 === 2 ? 'test' : 'train')
  }
  for (const base of [...history, ...appended]) splitOf.set(base, 'train')
  const earlier = [...bases, ...history]
  const everyBase = [...earlier, ...appended]
  const corrected = relabels()
  const rows = []
  for (const base of everyBase) {
    const split = splitOf.get(base)!
    const label = corrected.get(base.id) ?? base
    const pool = appended.includes(base) ? everyBase : earlier
    const sameSplit = pool.filter((other) => splitOf.get(other) === split)
    const seen = new Set<string>()
    for (const variant of variants(base, sameSplit, random)) {
      if (seen.has(variant.text)) continue
      seen.add(variant.text)
      rows.push({
        base: base.id,
        split,
        style: variant.style,
        text: variant.text,
        categoryCode: label.categoryCode,
        unit: unitNames[label.unit],
      })
    }
  }
  return rows
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = buildSet()
  writeFileSync(join(here, 'dispatchSet.json'), `${JSON.stringify(rows, null, 0).replace(/},{/g, '},\n{')}\n`)
  console.log(rows.length, 'texts;', rows.filter((row) => row.split === 'test').length, 'held out')
}

import type { KnowledgeEntry, KnowledgeHit } from '@minqing/shared'
import { words } from '../dispatch/features'

export interface IndexedEntry {
  entry: KnowledgeEntry
  questionWords: Set<string>
  answerWords: Set<string>
  keywords: string[]
}

/** Segments an entry once (jieba, the dispatch tokenizer), when the published set is loaded. */
export function indexEntry(entry: KnowledgeEntry): IndexedEntry {
  return {
    entry,
    questionWords: new Set(words(entry.question)),
    answerWords: new Set(words(entry.answer)),
    keywords: entry.keywords.map((keyword) => keyword.toLowerCase()),
  }
}

/**
 * How well an entry answers a query: a keyword written in the query weighs most (3), a word of
 * the question 2, a word only in the answer 0.5. Below 2 nothing is shown: one shared word of an
 * answer is chance, not relevance.
 */
export function scoreEntry(indexed: IndexedEntry, query: string, queryWords: readonly string[]): number {
  const text = query.toLowerCase()
  let score = 0
  for (const keyword of indexed.keywords) if (text.includes(keyword)) score += 3
  for (const word of new Set(queryWords)) {
    if (indexed.questionWords.has(word)) score += 2
    else if (indexed.answerWords.has(word)) score += 0.5
  }
  return score
}

export const minimumScore = 2

/** The best entries for a query, optionally within a category (its own, a parent's, or general). */
export function searchEntries(
  entries: readonly IndexedEntry[],
  query: string,
  options: { categoryCode?: string; limit: number },
): KnowledgeHit[] {
  const queryWords = words(query)
  const fits = (code: string | null) =>
    !options.categoryCode ||
    !code ||
    code === options.categoryCode ||
    options.categoryCode.startsWith(`${code}.`) ||
    code.startsWith(`${options.categoryCode}.`)
  return entries
    .filter((indexed) => fits(indexed.entry.categoryCode))
    .map((indexed) => ({ indexed, score: scoreEntry(indexed, query, queryWords) }))
    .filter(({ score }) => score >= minimumScore)
    .sort((a, b) => b.score - a.score || a.indexed.entry.id.localeCompare(b.indexed.entry.id))
    .slice(0, options.limit)
    .map(({ indexed: { entry } }) => ({
      id: entry.id,
      question: entry.question,
      answer: entry.answer,
      categoryCode: entry.categoryCode,
      policySource: entry.policySource,
    }))
}

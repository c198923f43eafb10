import type { HeadlineCounts, PendingCounts, ThreeRates } from '@minqing/shared'
import type { CaseView } from './cases'
import { api } from './client'

export interface RateRow extends ThreeRates {
  key: string
  name: string
  counts: HeadlineCounts
  /** Medians in hours, read off the rollups' histograms (null when nothing was signed / resolved). */
  medianAcceptHours: number | null
  medianResolveHours: number | null
  /** Cases still inside their window now (not divided as missed), and open-and-overdue ones. */
  pending: PendingCounts
}
export interface RankingRow extends RateRow {
  rank: number
  score: number
  sample: number
}
export interface Ranking {
  rows: RankingRow[]
  redList: string[]
  blackList: string[]
  /** Units below the minimum sample: shown, not ranked, each with its note. */
  unranked?: Array<RateRow & { sample: number; note: string }>
  minCasesNote?: string
}
export interface EchoItem {
  id: string
  number: string
  kindLabel: string
  categoryName: string | null
  title: string
  description: string
  unitName: string | null
  reply: string | null
  resolvedAt: string | null
}
export interface Topic {
  id: string
  kindLabel: string
  title: string
  question: string
  opensOn: string
  closesOn: string
  open: boolean
}
export interface Suggestion {
  id: string
  text: string
  author: string
  supports: number
  adoptedCaseId: string | null
}

export const fetchRates = (from: string, to: string, groupBy: 'unit' | 'category') =>
  api.get<{ definitions: Record<string, string>; rows: RateRow[] }>(
    `/stats/rates?from=${from}&to=${to}&groupBy=${groupBy}`,
  )
export const fetchRanking = (from: string, to: string) =>
  api.get<Ranking>(`/stats/ranking?from=${from}&to=${to}`)
export const fetchBoard = () =>
  api.get<{ flagged: CaseView[]; overdue: CaseView[]; warning: CaseView[] }>('/supervision/board')
export const fetchEchoWall = (q: string) =>
  api.get<{ items: EchoItem[] }>(`/echo-wall?pageSize=50${q ? `&q=${encodeURIComponent(q)}` : ''}`)
export const reportEchoItem = (id: string) => api.post(`/echo-wall/${id}/reports`, { reason: 'offensive' })
export const fetchTopics = () => api.get<{ items: Topic[] }>('/topics')
export const fetchSuggestions = (topicId: string) =>
  api.get<{ items: Suggestion[] }>(`/topics/${topicId}/suggestions`)
export const postSuggestion = (topicId: string, text: string) =>
  api.post(`/topics/${topicId}/suggestions`, { text })
export const supportSuggestion = (id: string) => api.post<{ supports: number }>(`/suggestions/${id}/support`)

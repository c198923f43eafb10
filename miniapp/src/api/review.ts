import type {
  echoWallResponseSchema,
  rankingResponseSchema,
  ratesReportResponseSchema,
  suggestionListResponseSchema,
  supervisionBoardResponseSchema,
  supportsResponseSchema,
  topicListResponseSchema,
} from '@minqing/shared'
import type { z } from 'zod'
import { withDistrict } from '../session/districtCode'
import { api } from './client'

type RatesReport = z.output<typeof ratesReportResponseSchema>
export type RateRow = RatesReport['rows'][number]
export type Ranking = z.output<typeof rankingResponseSchema>
export type RankingRow = Ranking['rows'][number]
export type EchoItem = z.output<typeof echoWallResponseSchema>['items'][number]
export type Topic = z.output<typeof topicListResponseSchema>['items'][number]
export type Suggestion = z.output<typeof suggestionListResponseSchema>['items'][number]

export const fetchRates = (from: string, to: string, groupBy: 'unit' | 'category') =>
  api.get<RatesReport>(`/stats/rates?from=${from}&to=${to}&groupBy=${groupBy}`)
export const fetchRanking = (from: string, to: string) =>
  api.get<Ranking>(`/stats/ranking?from=${from}&to=${to}`)
export const fetchBoard = () => api.get<z.output<typeof supervisionBoardResponseSchema>>('/supervision/board')
export const fetchEchoWall = (q: string) =>
  api.get<z.output<typeof echoWallResponseSchema>>(
    withDistrict(`/echo-wall?pageSize=50${q ? `&q=${encodeURIComponent(q)}` : ''}`),
  )
export const reportEchoItem = (id: string) => api.post(`/echo-wall/${id}/reports`, { reason: 'offensive' })
export const fetchTopics = () => api.get<z.output<typeof topicListResponseSchema>>(withDistrict('/topics'))
export const fetchSuggestions = (topicId: string) =>
  api.get<z.output<typeof suggestionListResponseSchema>>(`/topics/${topicId}/suggestions`)
export const postSuggestion = (topicId: string, text: string) =>
  api.post(`/topics/${topicId}/suggestions`, { text })
export const supportSuggestion = (id: string) =>
  api.post<z.output<typeof supportsResponseSchema>>(`/suggestions/${id}/support`)

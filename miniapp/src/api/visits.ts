import type {
  campaignListResponseSchema,
  campaignProgressResponseSchema,
  campaignViewSchema,
  dutyEntrySchema,
  dutyTodayResponseSchema,
  pairDetailResponseSchema,
  pairListResponseSchema,
  PairInput,
  pairViewSchema,
  ReceptionInput,
  receptionRecordedResponseSchema,
  visitDetailResponseSchema,
  VisitInput,
  VisitPage,
} from '@minqing/shared'
import type { z } from 'zod'
import type { SyncItemResult, UploadState } from '../visits/syncEngine'
import { api } from './client'

export type Campaign = z.output<typeof campaignViewSchema>
type CampaignProgress = z.output<typeof campaignProgressResponseSchema>
export type ProgressRow = CampaignProgress['rows'][number]
export type MetricProgress = ProgressRow['households']
export type VisitDetail = z.output<typeof visitDetailResponseSchema>
export type Pair = z.output<typeof pairViewSchema>
export type DutyEntry = z.output<typeof dutyEntrySchema>

export const visitApi = {
  startUpload: (clientId: string, size: number) => api.post<UploadState>('/uploads', { clientId, size }),
  putChunk: (uploadId: string, offset: number, data: ArrayBuffer) =>
    api.request<UploadState>('PUT', `/uploads/${uploadId}?offset=${offset}`, {
      body: data,
      contentType: 'application/octet-stream',
    }),
  syncVisits: async (visits: VisitInput[]) =>
    (await api.post<{ results: SyncItemResult[] }>('/visits/sync', { visits })).results,
}

export const fetchVisit = (id: string) => api.get<VisitDetail>(`/visits/${id}`)
/** The caller's own visits on the server, newest first, a page at a time. */
export const fetchMyVisits = (cursor: string | null) =>
  api.get<VisitPage>(`/visits?scope=mine&limit=30${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
export const fetchCampaigns = async () =>
  (await api.get<z.output<typeof campaignListResponseSchema>>('/campaigns?active=true')).items
export const fetchProgress = (campaignId: string) =>
  api.get<CampaignProgress>(`/campaigns/${campaignId}/progress`)
export const fetchPairs = async () => (await api.get<z.output<typeof pairListResponseSchema>>('/pairs')).items
export type PairHistory = z.output<typeof pairDetailResponseSchema>
export const fetchPair = (id: string) => api.get<z.output<typeof pairDetailResponseSchema>>(`/pairs/${id}`)
export const createPair = (input: Partial<PairInput>) => api.post<Pair>('/pairs', input)
export const fetchTodayDuty = () => api.get<z.output<typeof dutyTodayResponseSchema>>('/duty-roster/today')
export const recordReception = (input: ReceptionInput) =>
  api.post<z.output<typeof receptionRecordedResponseSchema>>('/receptions', input)

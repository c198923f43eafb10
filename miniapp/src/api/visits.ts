import type {
  CampaignInput,
  Household,
  PairInput,
  ReceptionInput,
  VisitInput,
  VisitPage,
} from '@minqing/shared'
import type { SyncItemResult, UploadState } from '../visits/syncEngine'
import { api } from './client'

export interface Campaign extends CampaignInput {
  id: string
}

export interface MetricProgress {
  done: number
  quota: number
  ratio: number
  met: boolean
}

export interface ProgressRow {
  userId: string
  name: string
  unitName: string | null
  positionLevel: string
  visits: number
  households: MetricProgress
  researchDays: MetricProgress
  problemsResolved: MetricProgress
  behind: boolean
  ownership: { owned: number; followedUp: number; share: number | null; met: boolean | null }
}

export interface VisitDetail {
  id: string
  visitedAt: string
  revision: number
  household: Household
  purposes: string[]
  notes: string
  photoUrls: string[]
  problems: Array<{ title: string; case: { id: string; number: string; status: string } | null }>
  revisions: Array<{ revision: number; at: string }>
}

export interface Pair {
  id: string
  household: { name: string; address?: string; phone?: string; tags: string[] }
  revisitEveryDays: number
  lastVisitAt: string | null
  revisit: { dueOn: string; state: 'ok' | 'dueSoon' | 'overdue'; daysLeft: number }
}

export interface DutyEntry {
  unitId: string
  date: string
  leaderId: string
  leaderName: string | null
  place: string
}

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
  (await api.get<{ items: Campaign[] }>('/campaigns?active=true')).items
export const fetchProgress = (campaignId: string) =>
  api.get<{ elapsedShare: number; rows: ProgressRow[] }>(`/campaigns/${campaignId}/progress`)
export const fetchPairs = async () => (await api.get<{ items: Pair[] }>('/pairs')).items
export interface PairHistory {
  id: string
  history: Array<{ id: string; visitedAt: string; purposes: string[]; notes: string }>
}
export const fetchPair = (id: string) => api.get<Pair & PairHistory>(`/pairs/${id}`)
export const createPair = (input: Partial<PairInput>) => api.post<Pair>('/pairs', input)
export const fetchTodayDuty = () =>
  api.get<{ date: string; myDuty: DutyEntry[]; unitDuty: DutyEntry | null }>('/duty-roster/today')
export const recordReception = (input: ReceptionInput) =>
  api.post<{ id: string; cases: Array<{ id: string; number: string | null; unitId: string | null }> }>(
    '/receptions',
    input,
  )

import type {
  CalendarStatus,
  CampaignInput,
  CreateUnitInput,
  CreateUserInput,
  TopicInput,
  User,
} from '@minqing/shared'
import type { CaseView } from './cases'
import { api } from './client'
import type { Ranking, RateRow } from './review'

/** What the admin console reads and writes; every call is role-checked again by the server. */

export interface WorkloadRow {
  unitId: string
  unitName: string | null
  open: number
  overdue: number
}
export interface VisitFigures {
  visits: number
  staff: Array<{
    userId: string
    name: string | null
    unitName: string | null
    visits: number
    households: number
    fieldDays: number
  }>
  tags: Array<{ tag: string; label: string; households: number }>
}
export interface Brief {
  from: string
  to: string
  totals: RateRow['counts'] & Omit<RateRow, 'key' | 'name' | 'counts'> & { overdueTotal: number }
  campaign: {
    turnouts: number
    households: number
    problemsCollected: number
    problemsSolved: number
    pairs: number
    pairedHouseholds: number
  }
  definitions: Record<string, string>
  ranking: Ranking
  followUp: {
    sampled: number
    answered: number
    solved: number
    followUpRate: number | null
    definition: string
  }
  publicCriticism: Array<{
    caseId: string
    number: string
    title: string
    unitName: string | null
    status: string
    escalatedAt: string
  }>
}
export interface CaseFilters {
  status?: string
  overdue?: boolean
  unitId?: string
  categoryCode?: string
  from?: string
  to?: string
  q?: string
  page?: number
}
export interface CategoryView {
  code: string
  name: string
  parentCode: string | null
  enabled: boolean
  children?: CategoryView[]
}
export interface CampaignView {
  id: string
  name: string
  startsOn: string
  endsOn: string
  unitIds: string[]
}
export interface EchoModerationItem {
  caseId: string
  number: string | null
  title: string | null
  reports: number
  hidden: boolean
  reasons: string[]
}
export interface SuggestionModerationItem {
  id: string
  topicTitle: string | null
  text: string
  reports: number
  hidden: boolean
  reasons: string[]
}

const query = (params: Record<string, string | number | boolean | undefined>) =>
  Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '' && value !== false)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&')

export const fetchWorkload = () => api.get<{ at: string; rows: WorkloadRow[] }>('/stats/workload')
export const fetchVisitFigures = (from: string, to: string) =>
  api.get<VisitFigures>(`/stats/visits?${query({ from, to })}`)
export const fetchBrief = (from: string, to: string) => api.get<Brief>(`/stats/brief?${query({ from, to })}`)

export const searchCases = (filters: CaseFilters) =>
  api.get<{ items: CaseView[]; total: number }>(
    `/cases?${query({ scope: 'all', pageSize: 50, ...filters, overdue: filters.overdue ? 'true' : undefined })}`,
  )

export const fetchUsers = (unitId?: string) =>
  api.get<{ items: User[]; total: number }>(`/users?${query({ unitId, pageSize: 100 })}`)
export const createUser = (input: CreateUserInput) => api.post<User>('/users', input)
/** The one-time password the admin hands over; the person must choose a new one at login. */
export const resetUserPassword = (userId: string) =>
  api.post<{ temporaryPassword: string; mustChangePassword: boolean }>(`/users/${userId}/password-reset`)
export const createUnit = (input: CreateUnitInput) => api.post('/units', input)

export const createCategory = (input: { code: string; name: string; parentCode: string | null }) =>
  api.post('/categories', input)
export const updateCategory = (code: string, patch: { name?: string; enabled?: boolean }) =>
  api.request('PATCH', `/categories/${code}`, { body: patch })

export const fetchCalendar = (year: number) =>
  api.get<{ year: number; confirmed: boolean; holidays: string[]; workdays: string[] }>(`/calendars/${year}`)
/** Which years are confirmed, and the warning from 1 November when next year's calendar is missing. */
export const fetchCalendarStatus = () => api.get<CalendarStatus>('/calendars')
export const saveCalendar = (year: number, calendar: { holidays: string[]; workdays: string[] }) =>
  api.request('PUT', `/calendars/${year}`, { body: calendar })

export const fetchAllCampaigns = async () => (await api.get<{ items: CampaignView[] }>('/campaigns')).items
export const createCampaign = (input: Partial<CampaignInput>) => api.post<CampaignView>('/campaigns', input)

export const fetchEchoModeration = () => api.get<{ items: EchoModerationItem[] }>('/echo-wall/moderation')
export const decideEcho = (caseId: string, decision: 'show' | 'hide', note: string) =>
  api.post(`/echo-wall/${caseId}/moderation`, { decision, note })
export const fetchSuggestionModeration = () =>
  api.get<{ items: SuggestionModerationItem[] }>('/suggestions/moderation')
export const decideSuggestion = (id: string, decision: 'show' | 'hide', note: string) =>
  api.post(`/suggestions/${id}/moderation`, { decision, note })

export const createTopic = (input: TopicInput) => api.post<{ id: string }>('/topics', input)
export const adoptSuggestion = (id: string, input: { categoryCode: string; title: string }) =>
  api.post<{ caseId: string }>(`/suggestions/${id}/adopt`, input)

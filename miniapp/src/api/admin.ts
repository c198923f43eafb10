import type {
  ConfigChange,
  ConfigEntityType,
  OpenWork,
  CampaignInput,
  CreateUnitInput,
  CreateUserInput,
  TopicInput,
  briefResponseSchema,
  calendarStatusResponseSchema,
  calendarYearResponseSchema,
  campaignListResponseSchema,
  campaignViewSchema,
  caseListResponseSchema,
  echoModerationQueueResponseSchema,
  passwordResetResponseSchema,
  suggestionAdoptedResponseSchema,
  suggestionModerationQueueResponseSchema,
  timeLimitsResponseSchema,
  topicViewSchema,
  userListResponseSchema,
  userViewSchema,
  visitFiguresResponseSchema,
  workloadResponseSchema,
} from '@minqing/shared'
import type { z } from 'zod'
import { api } from './client'

/** What the admin console reads and writes; every call is role-checked again by the server. */

export type WorkloadRow = z.output<typeof workloadResponseSchema>['rows'][number]
export type VisitFigures = z.output<typeof visitFiguresResponseSchema>
export type Brief = z.output<typeof briefResponseSchema>

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
export type CampaignView = z.output<typeof campaignViewSchema>
export type EchoModerationItem = z.output<typeof echoModerationQueueResponseSchema>['items'][number]
export type SuggestionModerationItem = z.output<
  typeof suggestionModerationQueueResponseSchema
>['items'][number]

const query = (params: Record<string, string | number | boolean | undefined>) =>
  Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '' && value !== false)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&')

export const fetchWorkload = () => api.get<z.output<typeof workloadResponseSchema>>('/stats/workload')
export const fetchVisitFigures = (from: string, to: string) =>
  api.get<VisitFigures>(`/stats/visits?${query({ from, to })}`)
export const fetchBrief = (from: string, to: string) => api.get<Brief>(`/stats/brief?${query({ from, to })}`)

export const searchCases = (filters: CaseFilters) =>
  api.get<z.output<typeof caseListResponseSchema>>(
    `/cases?${query({ scope: 'all', pageSize: 50, ...filters, overdue: filters.overdue ? 'true' : undefined })}`,
  )

export const fetchUsers = (unitId?: string) =>
  api.get<z.output<typeof userListResponseSchema>>(`/users?${query({ unitId, pageSize: 100 })}`)
export const createUser = (input: CreateUserInput) =>
  api.post<z.output<typeof userViewSchema>>('/users', input)
/** The one-time password the admin hands over; the person must choose a new one at login. */
export const resetUserPassword = (userId: string) =>
  api.post<z.output<typeof passwordResetResponseSchema>>(`/users/${userId}/password-reset`)
export const createUnit = (input: CreateUnitInput) => api.post('/units', input)
/** 停用 / 启用 an account (issue 16); the server refuses yourself and the last admin. */
export const setUserDisabled = (userId: string, disabled: boolean) =>
  api.request<unknown>('PATCH', `/users/${userId}`, { body: { disabled } })
/** What a person still holds (包案, duty days, pairs), to hand on before disabling them. */
export const fetchOpenWork = (userId: string) => api.get<OpenWork>(`/users/${userId}/open-work`)

export const createCategory = (input: { code: string; name: string; parentCode: string | null }) =>
  api.post('/categories', input)
export const updateCategory = (code: string, patch: { name?: string; enabled?: boolean }) =>
  api.request('PATCH', `/categories/${code}`, { body: patch })

export const fetchCalendar = (year: number) =>
  api.get<z.output<typeof calendarYearResponseSchema>>(`/calendars/${year}`)
/** Which years are confirmed, and the warning from 1 November when next year's calendar is missing. */
export const fetchCalendarStatus = () => api.get<z.output<typeof calendarStatusResponseSchema>>('/calendars')
export const saveCalendar = (year: number, calendar: { holidays: string[]; workdays: string[] }) =>
  api.request('PUT', `/calendars/${year}`, { body: calendar })
/** A district admin's 恢复市级设置 for one year: their own arrangement goes, the city's applies. */
export const resetCalendarYear = (year: number) => api.request('DELETE', `/calendars/${year}`, {})
/** The time limits in force for the viewer's district (or the city), and where they come from. */
export const fetchTimeLimits = () =>
  api.get<z.output<typeof timeLimitsResponseSchema>>('/settings/time-limits')
/** A district admin's 恢复市级设置 for the time limits. */
export const resetTimeLimits = () =>
  api.request<z.output<typeof timeLimitsResponseSchema>>('DELETE', '/settings/time-limits', {})

export const fetchAllCampaigns = async () =>
  (await api.get<z.output<typeof campaignListResponseSchema>>('/campaigns')).items
export const createCampaign = (input: Partial<CampaignInput>) => api.post<CampaignView>('/campaigns', input)

export const fetchEchoModeration = () =>
  api.get<z.output<typeof echoModerationQueueResponseSchema>>('/echo-wall/moderation')
export const decideEcho = (caseId: string, decision: 'show' | 'hide', note: string) =>
  api.post(`/echo-wall/${caseId}/moderation`, { decision, note })
export const fetchSuggestionModeration = () =>
  api.get<z.output<typeof suggestionModerationQueueResponseSchema>>('/suggestions/moderation')
export const decideSuggestion = (id: string, decision: 'show' | 'hide', note: string) =>
  api.post(`/suggestions/${id}/moderation`, { decision, note })

export const createTopic = (input: TopicInput) => api.post<z.output<typeof topicViewSchema>>('/topics', input)
export const adoptSuggestion = (id: string, input: { categoryCode: string; title: string }) =>
  api.post<z.output<typeof suggestionAdoptedResponseSchema>>(`/suggestions/${id}/adopt`, input)

/** The configuration audit (issue 16), newest first. */
export const fetchConfigChanges = (entityType?: ConfigEntityType) =>
  api.get<{ items: ConfigChange[]; total: number; page: number; pageSize: number }>(
    `/audit/config-changes?${query({ entityType, pageSize: 100 })}`,
  )

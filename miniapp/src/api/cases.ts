import type {
  caseContactResponseSchema,
  caseDetailResponseSchema,
  caseListResponseSchema,
  caseViewSchema,
  categoryNodeSchema,
  expectedAnswerResponseSchema,
  notificationListResponseSchema,
  publicCaseViewSchema,
  routingDryRunResponseSchema,
  routingRuleViewSchema,
  similarCaseSchema,
  storedFileResponseSchema,
  SubmitCaseInput,
  TransitionInput,
  unitListResponseSchema,
  Urgency,
} from '@minqing/shared'
import type { z } from 'zod'
import { api } from './client'

/** A case as the server presents it: full, or a follower's public view (shared/src/cases/responses.ts). */
export type FullCaseView = z.output<typeof caseViewSchema>
export type CaseDetail = z.output<typeof caseDetailResponseSchema>
export type CaseListItem = z.output<typeof caseListResponseSchema>['items'][number]
type KeysOfAny<T> = T extends unknown ? keyof T : never
type ValueIn<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : undefined) : never
/** One object type for a union of views: a field only some views have is optional. */
type Widen<T> = { [K in keyof T]: ValueIn<T, K> } & {
  [K in Exclude<KeysOfAny<T>, keyof T>]?: ValueIn<T, K>
}

/**
 * Any presented case (full or a follower's public view, from a list or the detail), as one type:
 * pages read `view === 'public'`, `timeline`, `unitName`… and handle their absence.
 */
export type CaseView = Omit<
  Widen<CaseDetail | CaseListItem | FullCaseView | z.output<typeof publicCaseViewSchema>>,
  'timeline'
> & { timeline?: TimelineEntry[] }
export type TimelineEntry = Widen<CaseDetail['timeline'][number]>
export type CategoryNode = z.output<typeof categoryNodeSchema>

export type CaseScope = 'inbox' | 'handled' | 'queue' | 'owned' | 'all'

/** The categories a district offers: the link's district when given, else the viewer's. */
export const fetchCategories = (tenant?: string) =>
  api
    .get<{ categories: CategoryNode[] }>(
      `/categories${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`,
    )
    .then((body) => body.categories)
export const fetchUnits = () =>
  api.get<z.output<typeof unitListResponseSchema>>('/units').then((body) => body.units)
export const submitCase = (input: SubmitCaseInput) => api.post<FullCaseView>('/cases', input)
export const listCases = (scope: CaseScope = 'all', overdueOnly = false) =>
  api.get<z.output<typeof caseListResponseSchema>>(
    `/cases?scope=${scope}&pageSize=50${overdueOnly ? '&overdue=true' : ''}`,
  )
/** By when a case filed now is answered at the latest; a district's link times it by that district's limits. */
export const expectedAnswer = (urgency: Urgency, tenant?: string) =>
  api
    .get<z.output<typeof expectedAnswerResponseSchema>>(
      `/deadlines/expected?urgency=${urgency}${tenant ? `&tenant=${encodeURIComponent(tenant)}` : ''}`,
    )
    .then((body) => body.expectedAnswerBy)
export const fetchCase = (id: string) => api.get<CaseDetail>(`/cases/${id}`)
/** The resident's phone and name; each call is written to the server's audit log. */
export const fetchCaseContact = (id: string) =>
  api.get<z.output<typeof caseContactResponseSchema>>(`/cases/${id}/contact`)
export const transition = (id: string, input: TransitionInput) =>
  api.post<FullCaseView>(`/cases/${id}/transitions`, input)
export const uploadPhoto = (filePath: string) =>
  api.upload<z.output<typeof storedFileResponseSchema>>('/files', filePath)

export type SimilarCase = z.output<typeof similarCaseSchema>
export const findSimilar = (input: {
  categoryCode: string
  title: string
  description: string
  location?: { lat: number; lng: number }
}) => api.post<{ items: SimilarCase[] }>('/cases/similar', input).then((body) => body.items)
export const followCase = (id: string) =>
  api.post<z.output<typeof publicCaseViewSchema>>(`/cases/${id}/follow`)
export const similarTo = (id: string) =>
  api.get<{ items: SimilarCase[] }>(`/cases/${id}/similar`).then((body) => body.items)

export type RoutingRuleView = z.output<typeof routingRuleViewSchema>
export type DryRunAnswer = z.output<typeof routingDryRunResponseSchema>
export const createRule = (input: {
  name: string
  priority: number
  categoryCodes: string[]
  keywords: string[]
  unitId: string
}) => api.post<RoutingRuleView>('/routing/rules', input)
export const updateRule = (id: string, patch: Partial<Omit<RoutingRuleView, 'id' | 'categoryNames'>>) =>
  api.request<RoutingRuleView>('PATCH', `/routing/rules/${id}`, { body: patch })
export const fetchRules = () =>
  api.get<{ rules: RoutingRuleView[] }>('/routing/rules').then((body) => body.rules)
export const dryRun = (input: {
  categoryCode: string
  title: string
  description: string
  location?: { lat: number; lng: number }
}) => api.post<DryRunAnswer>('/routing/dry-run', input)

export type NotificationList = z.output<typeof notificationListResponseSchema>
export type NotificationView = NotificationList['items'][number]
export const fetchNotifications = () => api.get<NotificationList>('/notifications')
export const markNotificationRead = (id: string) => api.post(`/notifications/${id}/read`)

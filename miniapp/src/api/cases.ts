import type {
  CaseAction,
  CaseKind,
  CaseStatus,
  Rating,
  SubmitCaseInput,
  TimeState,
  TransitionInput,
  Unit,
  Urgency,
} from '@minqing/shared'
import { api } from './client'

/** A case as the server presents it (server/src/cases/presentCase.ts). */
export interface CaseView {
  id: string
  number: string
  kind: CaseKind
  categoryCode: string
  title: string
  description: string
  urgency: Urgency
  status: CaseStatus
  statusLabel: string
  unitId: string | null
  unitName?: string | null
  /** Masked for staff; the full number comes from `fetchCaseContact` (audited). */
  contactPhone: string | null
  /** Whether this user may ask for the resident's contact details ("查看联系方式"). */
  contactAvailable?: boolean
  /** 'public' for a case the user follows: no contact, rounded place, stripped texts. */
  view?: 'public'
  photos: string[]
  /** Signed, short-lived URLs (image tags cannot send the token). */
  photoUrls: string[]
  photoThumbUrls: string[]
  location: { lat: number; lng: number; address?: string } | null
  routing: { kind: string; unitId: string | null; ruleId: string | null; reason: string }
  deadlines: {
    expectedAnswerBy: string | null
    acceptBy: string | null
    answerBy: string | null
    dueAt: string | null
    ratingBy?: string | null
  }
  timeState: { state: TimeState; msLeft: number } | null
  rating: { value: Rating; comment: string | null } | null
  reopenCount: number
  supervisionFlag: boolean
  coUnitIds: string[]
  objection: {
    unitId: string | null
    reason: string | null
    status: 'pending' | 'upheld' | 'redispatched'
  } | null
  extension: {
    workingDays: number | null
    reason: string | null
    status: 'pending' | 'approved' | 'refused'
  } | null
  submittedAt: string
  createdAt: string
  timeline?: TimelineEntry[]
  /** What this user may do with the case now, decided by the server (shared abilities). */
  allowedActions?: CaseAction[]
  /** For the dispatch centre, on cases waiting in its queue. */
  suggestedUnits?: Array<{ unitId: string; unitName: string; why: string }>
}

export interface TimelineEntry {
  seq: number
  action: string
  from: string | null
  to: string
  at: string
  actor: { role: string; unitId: string | null }
  reason: string | null
  message: string | null
  public: boolean
  rating?: Rating
  attachmentUrls: string[]
}

export interface CategoryNode {
  code: string
  name: string
  children: CategoryNode[]
}

export type CaseScope = 'inbox' | 'handled' | 'queue' | 'owned' | 'all'

export const fetchCategories = () =>
  api.get<{ categories: CategoryNode[] }>('/categories').then((body) => body.categories)
export const fetchUnits = () => api.get<{ units: Unit[] }>('/units').then((body) => body.units)
export const submitCase = (input: SubmitCaseInput) => api.post<CaseView>('/cases', input)
export const listCases = (scope: CaseScope = 'all', overdueOnly = false) =>
  api.get<{ items: CaseView[]; total: number }>(
    `/cases?scope=${scope}&pageSize=50${overdueOnly ? '&overdue=true' : ''}`,
  )
export const expectedAnswer = (urgency: Urgency) =>
  api
    .get<{ expectedAnswerBy: string }>(`/deadlines/expected?urgency=${urgency}`)
    .then((body) => body.expectedAnswerBy)
export const fetchCase = (id: string) => api.get<CaseView>(`/cases/${id}`)
/** The resident's phone and name; each call is written to the server's audit log. */
export const fetchCaseContact = (id: string) =>
  api.get<{ phone: string | null; name: string | null }>(`/cases/${id}/contact`)
export const transition = (id: string, input: TransitionInput) =>
  api.post<CaseView>(`/cases/${id}/transitions`, input)
export const uploadPhoto = (filePath: string) => api.upload<{ id: string }>('/files', filePath)

export interface SimilarCase {
  id: string
  number: string
  title: string
  status: CaseStatus
  submittedAt: string
  score: number
}
export const findSimilar = (input: {
  categoryCode: string
  title: string
  description: string
  location?: { lat: number; lng: number }
}) => api.post<{ items: SimilarCase[] }>('/cases/similar', input).then((body) => body.items)
export const followCase = (id: string) => api.post<CaseView>(`/cases/${id}/follow`)
export const similarTo = (id: string) =>
  api.get<{ items: SimilarCase[] }>(`/cases/${id}/similar`).then((body) => body.items)

export interface RoutingRuleView {
  id: string
  name: string
  priority: number
  categoryCodes: string[]
  /** The categories' names, in the order of their codes. */
  categoryNames: string[]
  areaUnitIds: string[]
  keywords: string[]
  unitId: string
  enabled: boolean
}
export interface DryRunAnswer {
  kind: 'rule' | 'areaFallback' | 'dispatchCentre' | 'model'
  unitId: string | null
  unitName: string | null
  ruleId: string | null
  reason: string
}
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

export interface NotificationView {
  id: string
  caseId: string | null
  url: string | null
  caseNumber: string
  title: string
  body: string
  read: boolean
  createdAt: string
}
export const fetchNotifications = () =>
  api.get<{ unread: number; items: NotificationView[] }>('/notifications')
export const markNotificationRead = (id: string) => api.post(`/notifications/${id}/read`)

import type {
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
  contactPhone: string | null
  photos: string[]
  /** Signed, short-lived URLs (image tags cannot send the token). */
  photoUrls: string[]
  location: { lat: number; lng: number; address?: string } | null
  routing: { kind: string; unitId: string | null; ruleId: string | null; reason: string }
  deadlines: {
    expectedAnswerBy: string | null
    acceptBy: string | null
    answerBy: string | null
    dueAt: string | null
  }
  timeState: { state: TimeState; msLeft: number } | null
  rating: { value: Rating; comment: string | null } | null
  reopenCount: number
  supervisionFlag: boolean
  createdAt: string
  timeline?: TimelineEntry[]
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
}

export interface CategoryNode {
  code: string
  name: string
  children: CategoryNode[]
}

export type CaseScope = 'inbox' | 'handled' | 'queue' | 'all'

export const fetchCategories = () =>
  api.get<{ categories: CategoryNode[] }>('/categories').then((body) => body.categories)
export const fetchUnits = () => api.get<{ units: Unit[] }>('/units').then((body) => body.units)
export const submitCase = (input: SubmitCaseInput) => api.post<CaseView>('/cases', input)
export const listCases = (scope: CaseScope = 'all') =>
  api.get<{ items: CaseView[]; total: number }>(`/cases?scope=${scope}&pageSize=50`)
export const fetchCase = (id: string) => api.get<CaseView>(`/cases/${id}`)
export const transition = (id: string, input: TransitionInput) =>
  api.post<CaseView>(`/cases/${id}/transitions`, input)
export const uploadPhoto = (filePath: string) => api.upload<{ id: string }>('/files', filePath)

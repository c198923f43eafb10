import type { CaseLookupInput, IntakeInput, IntakePreviewInput, Rating } from '@minqing/shared'
import { api } from './client'

/** Operator intake, the caller's lookup by phone + code, and ratings without the app. */

export interface IntakePreview {
  routing: { kind: string; unitId: string | null; unitName: string | null; reason: string }
  timeLimit: {
    urgency: string
    acceptHours: number
    answer: string
    acceptBy: string | null
    expectedAnswerBy: string
  }
  similar: Array<{ id: string; number: string; title: string; status: string; submittedAt: string }>
}
export interface IntakeResult {
  id: string
  number: string
  queryCode: string
  channel: string
  status: string
  unitId: string | null
  routing: { kind: string; reason: string }
  deadlines: { acceptBy: string | null; expectedAnswerBy: string | null }
}
export interface LookupView {
  number: string
  channel: string
  caller: { name: string | null }
  title: string
  status: string
  statusLabel: string
  unitName: string | null
  submittedAt: string
  expectedAnswerBy: string | null
  rating: string | null
  replies: Array<{ action: string; at: string; message: string }>
}
export interface RatingCall {
  caseId: string
  number: string
  title: string
  channel: string
  caller: { name: string | null; phone: string | null }
  resolvedAt: string | null
  smsSent: number
  callsMade: number
}

export const previewIntake = (input: IntakePreviewInput) => api.post<IntakePreview>('/intake/preview', input)
export const fileIntake = (input: IntakeInput) => api.post<IntakeResult>('/intake', input)
export const lookupCase = (input: CaseLookupInput) =>
  api.post<LookupView>('/public/case-lookup', input, false)
export const fetchRatingLink = (code: string) =>
  api.request<{ number: string; title: string; statusLabel: string }>('GET', `/public/rating-links/${code}`, {
    auth: false,
  })
export const rateByLink = (code: string, rating: Rating) =>
  api.post<{ number: string; statusLabel: string }>(`/public/rating-links/${code}`, { rating }, false)
export const fetchRatingCalls = () =>
  api.get<{ items: RatingCall[] }>('/rating-calls').then((body) => body.items)
export const recordFollowUpRating = (caseId: string, rating: Rating, how: string) =>
  api.post(`/cases/${caseId}/phone-follow-up-rating`, { rating, how })
export const recordNoAnswer = (caseId: string) =>
  api.post(`/cases/${caseId}/rating-calls`, { outcome: 'noAnswer' })

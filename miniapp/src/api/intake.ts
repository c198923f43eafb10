import type {
  CaseLookupInput,
  caseLookupResponseSchema,
  IntakeInput,
  intakeFiledResponseSchema,
  IntakePreviewInput,
  intakePreviewResponseSchema,
  Rating,
  ratedByLinkResponseSchema,
  ratingCallsResponseSchema,
  ratingLinkResponseSchema,
} from '@minqing/shared'
import type { z } from 'zod'
import { api } from './client'

/** Operator intake, the caller's lookup by phone + code, and ratings without the app. */

export type IntakePreview = z.output<typeof intakePreviewResponseSchema>
export type IntakeResult = z.output<typeof intakeFiledResponseSchema>
export type LookupView = z.output<typeof caseLookupResponseSchema>
export type RatingCall = z.output<typeof ratingCallsResponseSchema>['items'][number]

export const previewIntake = (input: IntakePreviewInput) => api.post<IntakePreview>('/intake/preview', input)
export const fileIntake = (input: IntakeInput) => api.post<IntakeResult>('/intake', input)
export const lookupCase = (input: CaseLookupInput) =>
  api.post<LookupView>('/public/case-lookup', input, false)
export const fetchRatingLink = (code: string) =>
  api.request<z.output<typeof ratingLinkResponseSchema>>('GET', `/public/rating-links/${code}`, {
    auth: false,
  })
export const rateByLink = (code: string, rating: Rating) =>
  api.post<z.output<typeof ratedByLinkResponseSchema>>(`/public/rating-links/${code}`, { rating }, false)
export const fetchRatingCalls = () =>
  api.get<z.output<typeof ratingCallsResponseSchema>>('/rating-calls').then((body) => body.items)
export const recordFollowUpRating = (caseId: string, rating: Rating, how: string) =>
  api.post(`/cases/${caseId}/phone-follow-up-rating`, { rating, how })
export const recordNoAnswer = (caseId: string) =>
  api.post(`/cases/${caseId}/rating-calls`, { outcome: 'noAnswer' })

import type {
  HouseholdInput,
  HouseholdPage,
  RectificationListInput,
  RectificationAdjustInput,
  RectificationProblem,
  householdSummarySchema,
  rectificationListDetailSchema,
  rectificationListSummarySchema,
  rectificationReportSchema,
  repeatConcernListSchema,
  repeatConcernSchema,
  userListResponseSchema,
} from '@minqing/shared'
import type { z } from 'zod'
import { uploadPhoto } from './cases'
import { api } from './client'

export type HouseholdSummary = z.infer<typeof householdSummarySchema>
export type RectificationListSummary = z.infer<typeof rectificationListSummarySchema>
export type RectificationListDetail = z.infer<typeof rectificationListDetailSchema>
export type RectificationReport = z.infer<typeof rectificationReportSchema>

export const searchHouseholds = (q: string) =>
  api.get<{ items: HouseholdSummary[] }>(`/households?q=${encodeURIComponent(q)}&limit=20`)
export const listHouseholds = () => api.get<{ items: HouseholdSummary[] }>('/households?limit=50')
export const createHousehold = (input: Partial<HouseholdInput>) =>
  api.post<HouseholdSummary>('/households', input)
export const fetchHousehold = (id: string) => api.get<HouseholdPage>(`/households/${id}`)
export const revealHouseholdContact = (id: string) =>
  api.post<{ phone: string | null; address: string }>(`/households/${id}/contact`, {})

export const fetchRectificationLists = () =>
  api.get<{ items: RectificationListSummary[] }>('/rectification/lists')
export const createRectificationList = (input: RectificationListInput) =>
  api.post<RectificationListDetail>('/rectification/lists', input)
export const fetchRectificationList = (id: string) =>
  api.get<RectificationListDetail>(`/rectification/lists/${id}`)
export const fetchRectificationReport = (id: string) =>
  api.get<RectificationReport>(`/rectification/lists/${id}/report`)
export const rectificationLedgerPath = (id: string) => `/rectification/lists/${id}/ledger.xlsx`

const step = (id: string, action: string, body: object) =>
  api.post<RectificationProblem>(`/rectification/problems/${id}/${action}`, body)
export const reportProgress = (id: string, note: string) => step(id, 'progress', { note })
export const requestClosure = (id: string, note: string, evidence: string[]) =>
  step(id, 'closure', { note, evidence })
export const decideClosure = (id: string, approve: boolean, reason: string) =>
  step(id, 'decision', { approve, reason })
export const scheduleRecheck = (id: string, dueOn: string) => step(id, 'recheck', { dueOn })
export const recordRecheck = (id: string, result: 'consolidated' | 'relapsed', note: string) =>
  step(id, 'recheck', { result, note })
/** 调整 (list owner): 延期 or rewritten measures, with the reason the event keeps. */
export const adjustProblem = (id: string, input: RectificationAdjustInput) => step(id, 'adjustment', input)
export const uploadEvidence = uploadPhoto

// 信访积案 / 未息诉息访: matters raised again after closure (issue #16).
export type RepeatConcern = z.output<typeof repeatConcernSchema>
export const fetchRepeatConcerns = () =>
  api.get<z.output<typeof repeatConcernListSchema>>('/repeat-concerns?limit=200')
export const updateRepeatConcern = (id: string, patch: { ownerLeaderId?: string; deadline?: string }) =>
  api.request<RepeatConcern>('PATCH', `/repeat-concerns/${id}`, { body: patch })
/** The leaders a repeat concern can be given to (包案领导): the viewer's subtree, or everyone for admins. */
export const fetchLeaders = () =>
  api.get<z.output<typeof userListResponseSchema>>('/users?role=leader&pageSize=100')

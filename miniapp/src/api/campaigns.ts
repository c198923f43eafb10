import type {
  CampaignActivity,
  CampaignActivityInput,
  CampaignReport,
  ContactActivity,
  ContactActivityInput,
  ContactPoint,
  ContactPointInput,
  DutyCoverage,
  PublicDutyNotice,
  QuotaMetric,
} from '@minqing/shared'
import { api } from './client'
import type { MetricProgress, ProgressRow } from './visits'

/** A member's row with every seed quota (issue 16), and the metrics they are behind on. */
export type QuotaRow = ProgressRow & Record<QuotaMetric, MetricProgress> & { behindOn: QuotaMetric[] }

export interface UnitReceptions {
  unitId: string
  name: string | null
  weeks: { weekOf: string; receptions: number; met: boolean | null }[]
  missedWeeks: number
}

export const fetchCampaignProgress = (campaignId: string) =>
  api.get<{ elapsedShare: number; rows: QuotaRow[]; units: UnitReceptions[] }>(
    `/campaigns/${campaignId}/progress`,
  )
export const fetchCampaignReport = (campaignId: string) =>
  api.get<CampaignReport>(`/campaigns/${campaignId}/report`)
export const fetchDutyGaps = (campaignId: string) =>
  api.get<DutyCoverage>(`/campaigns/${campaignId}/duty-gaps`)
export const recordCampaignActivity = (campaignId: string, input: Partial<CampaignActivityInput>) =>
  api.post<CampaignActivity>(`/campaigns/${campaignId}/activities`, input)
export const fetchDutyNotice = (unitId: string) =>
  api.get<PublicDutyNotice>(`/public/duty-roster?unitId=${encodeURIComponent(unitId)}`)
export const fetchContactPoints = async () =>
  (await api.get<{ items: ContactPoint[] }>('/contact-points')).items
export const createContactPoint = (input: Partial<ContactPointInput>) =>
  api.post<ContactPoint>('/contact-points', input)
export const logContactActivity = (id: string, input: ContactActivityInput) =>
  api.post<ContactActivity>(`/contact-points/${id}/activities`, input)
/** 开门接访排班: the duty leader (and place) of a unit for one day; replaces that day's entry. */
export const setDutyDay = (input: { unitId: string; date: string; leaderId: string; place: string }) =>
  api.request<unknown>('PUT', '/duty-roster', {
    body: {
      unitId: input.unitId,
      assignments: [{ date: input.date, leaderId: input.leaderId, place: input.place }],
    },
  })

import type {
  CampaignActivity,
  CampaignActivityInput,
  CampaignReport,
  DutyCoverage,
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

import { z } from 'zod'
import { responseObject } from '../api/responseShapes'
import { campaignActivityKinds } from './schemas'

/** Answers of the campaign activity, report and duty-coverage routes (documented and tested). */
export const campaignActivitySchema = responseObject({
  id: z.string(),
  clientId: z.string(),
  kind: z.enum(campaignActivityKinds),
  heldOn: z.string(),
  unitId: z.string(),
  hostIds: z.array(z.string()),
  attendees: z.number(),
  opinionsCollected: z.number(),
  summary: z.string(),
})

const reportFigures = {
  turnouts: z.number(),
  households: z.number(),
  forums: z.number(),
  talks: z.number(),
  opinions: z.number(),
  solved: z.number(),
  goodDeeds: z.number(),
}

export const campaignReportSchema = responseObject({
  campaignId: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  total: responseObject(reportFigures),
  units: z.array(responseObject({ unitId: z.string(), name: z.string().nullable(), ...reportFigures })),
})

export const dutyCoverageSchema = responseObject({
  units: z.array(
    responseObject({
      unitId: z.string(),
      name: z.string(),
      gaps: z.array(z.string()),
      upcoming: z.array(z.string()),
    }),
  ),
})

export const publicDutyNoticeSchema = responseObject({
  unitName: z.string(),
  days: z.array(responseObject({ date: z.string(), leaderName: z.string().nullable(), place: z.string() })),
})

export type CampaignActivity = z.output<typeof campaignActivitySchema>
export type CampaignReport = z.output<typeof campaignReportSchema>
export type DutyCoverage = z.output<typeof dutyCoverageSchema>
export type PublicDutyNotice = z.output<typeof publicDutyNoticeSchema>

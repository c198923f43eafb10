import { positionLevels, quotaMetrics } from '@minqing/shared'
import type { CampaignDocument } from './campaign.model'

/** Every metric of every position, 0 where a campaign stored before issue 16 has none. */
const quotasOf = (campaign: CampaignDocument) =>
  Object.fromEntries(
    positionLevels.map((level) => {
      const stored = (campaign.quotas?.[level] ?? {}) as Partial<Record<string, number>>
      return [level, Object.fromEntries(quotaMetrics.map((metric) => [metric, stored[metric] ?? 0]))]
    }),
  )

export function presentCampaign(campaign: CampaignDocument) {
  return {
    id: String(campaign._id),
    name: campaign.name,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    unitIds: campaign.unitIds.map(String),
    quotas: quotasOf(campaign),
    unitReceptionsPerWeek: campaign.unitReceptionsPerWeek ?? 1,
    topics: campaign.topics,
    ownershipFollowUpTarget: campaign.ownershipFollowUpTarget,
  }
}

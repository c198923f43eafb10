import type { CampaignDocument } from './campaign.model'

export function presentCampaign(campaign: CampaignDocument) {
  return {
    id: String(campaign._id),
    name: campaign.name,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    unitIds: campaign.unitIds.map(String),
    quotas: campaign.quotas,
    unitReceptionsPerWeek: campaign.unitReceptionsPerWeek ?? 1,
    topics: campaign.topics,
    ownershipFollowUpTarget: campaign.ownershipFollowUpTarget,
  }
}

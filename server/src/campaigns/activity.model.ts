import { campaignActivityKinds } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/** A 宣讲, 座谈会, 线上交流 or 办实事好事 held during a campaign: the record a quota counts. */
const activitySchema = new Schema(
  {
    campaignId: { type: Schema.Types.ObjectId, ref: 'Campaign', required: true },
    clientId: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    kind: { type: String, enum: campaignActivityKinds, required: true },
    heldOn: { type: String, required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', required: true },
    hostIds: { type: [Schema.Types.ObjectId], default: [] },
    attendees: { type: Number, default: 0 },
    opinionsCollected: { type: Number, default: 0 },
    summary: { type: String, required: true },
  },
  { timestamps: true },
)
// A retried save (flaky network in a village) finds the first one instead of adding a second.
activitySchema.index({ createdBy: 1, clientId: 1 }, { unique: true })
activitySchema.index({ campaignId: 1, heldOn: 1 })

export type CampaignActivityDocument = HydratedDocument<InferSchemaType<typeof activitySchema>>
export const CampaignActivityModel = mongoose.model('CampaignActivity', activitySchema)

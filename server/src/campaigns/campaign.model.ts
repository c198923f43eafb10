import { quotaMetrics } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

const quota = new Schema(Object.fromEntries(quotaMetrics.map((metric) => [metric, Number])), { _id: false })

/** A visit campaign (e.g. a half-year 大走访): period, participating units, quotas per position. */
const campaignSchema = new Schema(
  {
    name: { type: String, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    unitIds: { type: [Schema.Types.ObjectId], required: true },
    /** The district running it (tenants/); null = the default tenant. */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
    quotas: {
      type: new Schema({ bureauLeader: quota, unitLeader: quota, cadre: quota }, { _id: false }),
      required: true,
    },
    topics: { type: [String], default: [] },
    ownershipFollowUpTarget: { type: Number, default: 0.3 },
    unitReceptionsPerWeek: { type: Number, default: 1 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
campaignSchema.index({ endsOn: -1 })

export type CampaignDocument = HydratedDocument<InferSchemaType<typeof campaignSchema>>
export const CampaignModel = mongoose.model('Campaign', campaignSchema)

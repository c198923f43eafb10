import mongoose, { Schema } from 'mongoose'

const routingRuleSchema = new Schema(
  {
    name: { type: String, required: true },
    priority: { type: Number, required: true },
    categoryCodes: { type: [String], default: [] },
    areaUnitIds: { type: [String], default: [] },
    keywords: { type: [String], default: [] },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', required: true },
    enabled: { type: Boolean, default: true },
  },
  { timestamps: true },
)
routingRuleSchema.index({ enabled: 1, priority: 1 })

export const RoutingRuleModel = mongoose.model('RoutingRule', routingRuleSchema)

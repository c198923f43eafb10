import { invalidateRuleCache } from './ruleCache'
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

// Any write to the rules clears this instance's cache of them.
for (const operation of [
  'save',
  'findOneAndUpdate',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
] as const)
  routingRuleSchema.post(operation, () => invalidateRuleCache())
routingRuleSchema.post('insertMany', () => invalidateRuleCache())

export const RoutingRuleModel = mongoose.model('RoutingRule', routingRuleSchema)

import { clearOnWrite } from '../db/memoryCache'
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
    /** The tenant of the target unit (null = default tenant); see tenants/. */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
  },
  { timestamps: true },
)
routingRuleSchema.index({ enabled: 1, priority: 1 })

// Any write to the rules clears this instance's cache of them.
clearOnWrite(routingRuleSchema, { clear: invalidateRuleCache })

export const RoutingRuleModel = mongoose.model('RoutingRule', routingRuleSchema)

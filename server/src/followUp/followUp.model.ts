import mongoose, { Schema } from 'mongoose'

/** 回头看: a closed case sampled for a return visit, and the resident's answer. One per case. */
const followUpSchema = new Schema(
  {
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    residentId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    sampledAt: { type: Date, required: true },
    answer: {
      type: new Schema({ solved: Boolean, comment: String, at: Date }, { _id: false }),
      default: null,
    },
  },
  { timestamps: true },
)
followUpSchema.index({ caseId: 1 }, { unique: true })
followUpSchema.index({ residentId: 1, sampledAt: -1 })

export const FollowUpModel = mongoose.model('FollowUp', followUpSchema)

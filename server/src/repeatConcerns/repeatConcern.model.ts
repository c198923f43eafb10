import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/**
 * Who a case is about, for matching later cases: the household it was linked to and a keyed hash
 * of its phone (never the phone itself). One row per case, written when the case is filed.
 */
const caseSubjectSchema = new Schema({
  caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
  householdId: { type: Schema.Types.ObjectId, ref: 'Household', default: null },
  phoneHash: { type: String, default: null },
  at: { type: Date, required: true },
})
caseSubjectSchema.index({ caseId: 1 }, { unique: true })
caseSubjectSchema.index({ householdId: 1 })
caseSubjectSchema.index({ phoneHash: 1 })

export const CaseSubjectModel = mongoose.model('CaseSubject', caseSubjectSchema)

/**
 * 信访积案 / 未息诉息访: a new case from a household or phone whose same matter was closed before.
 * Flagged once per case (unique), with the 包案领导 who owns it and the deadline to settle it.
 */
const repeatConcernSchema = new Schema(
  {
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    caseNumber: { type: String, required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    householdId: { type: Schema.Types.ObjectId, ref: 'Household', default: null },
    matchedBy: { type: String, enum: ['household', 'phone'], required: true },
    reason: { type: String, enum: ['sameCategory', 'similarText'], required: true },
    previousCaseIds: { type: [Schema.Types.ObjectId], default: [] },
    ownerLeaderId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    deadline: { type: Date, required: true },
    flaggedAt: { type: Date, required: true },
    settledAt: { type: Date, default: null },
  },
  { timestamps: true },
)
repeatConcernSchema.index({ caseId: 1 }, { unique: true })
repeatConcernSchema.index({ unitId: 1, flaggedAt: -1 })
repeatConcernSchema.index({ flaggedAt: -1 })

export type RepeatConcernDocument = HydratedDocument<InferSchemaType<typeof repeatConcernSchema>>
export const RepeatConcernModel = mongoose.model('RepeatConcern', repeatConcernSchema)

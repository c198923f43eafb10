import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/**
 * A visit as last synced. `content` is the validated input (household, purposes, notes, …);
 * `contentHash` tells a retried upload (same content) from an edit. Every revision is also kept
 * in VisitRevision, with who and when.
 */
const visitSchema = new Schema(
  {
    clientId: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    campaignId: { type: Schema.Types.ObjectId, default: null },
    revision: { type: Number, required: true },
    contentHash: { type: String, required: true },
    visitedAt: { type: Date, required: true },
    householdKey: { type: String, required: true },
    /** The registered household (households/) the visit was linked to, if any. */
    householdId: { type: Schema.Types.ObjectId, ref: 'Household', default: null },
    content: { type: Schema.Types.Mixed, required: true },
    /** The author first, then companions: everyone whose quota this visit counts for. */
    visitorIds: { type: [Schema.Types.ObjectId], default: [] },
    /** Cases filed from the visit's problems, by problem index (source = visit). */
    problemCaseIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true },
)
visitSchema.index({ createdBy: 1, clientId: 1 }, { unique: true })
visitSchema.index({ unitId: 1, visitedAt: -1 })
visitSchema.index({ createdBy: 1, visitedAt: -1 })
visitSchema.index({ campaignId: 1, visitorIds: 1 })
visitSchema.index({ householdId: 1, visitedAt: -1 })

export type VisitDocument = HydratedDocument<InferSchemaType<typeof visitSchema>>
export const VisitModel = mongoose.model('Visit', visitSchema)

const visitRevisionSchema = new Schema({
  visitId: { type: Schema.Types.ObjectId, ref: 'Visit', required: true },
  revision: { type: Number, required: true },
  contentHash: { type: String, required: true },
  content: { type: Schema.Types.Mixed, required: true },
  by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  at: { type: Date, required: true },
})
visitRevisionSchema.index({ visitId: 1, revision: 1 }, { unique: true })

export const VisitRevisionModel = mongoose.model('VisitRevision', visitRevisionSchema)

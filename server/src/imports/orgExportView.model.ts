import { roles } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/**
 * One export of the staff list (names and full phones) by an admin: who, when, which subtree,
 * how many people. Like the case contact views (audit/contactView.model.ts) it never stores the
 * values, and it is written before the file is answered, so an unlogged export cannot happen.
 */
const orgExportViewSchema = new Schema({
  viewerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  viewerRole: { type: String, enum: roles, required: true },
  viewerUnitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
  unitId: { type: Schema.Types.ObjectId, ref: 'Unit', required: true },
  people: { type: Number, required: true },
  fields: { type: [String], default: ['name', 'phone'] },
  at: { type: Date, required: true },
})
orgExportViewSchema.index({ at: -1 })

export type OrgExportViewDocument = HydratedDocument<InferSchemaType<typeof orgExportViewSchema>>
export const OrgExportViewModel = mongoose.model('OrgExportView', orgExportViewSchema)

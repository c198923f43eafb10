import { roles } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/** Which personal fields of a case a contact view revealed (names of fields, never their values). */
export const contactFields = ['phone', 'name'] as const
export type ContactField = (typeof contactFields)[number]

/**
 * One view of a resident's contact details by staff: who, when, which case, which fields. Kept
 * for PIPL accountability; the values themselves are never stored here. Written before the
 * details are answered, so an unlogged view cannot happen.
 */
const contactViewSchema = new Schema({
  viewerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  viewerRole: { type: String, enum: roles, required: true },
  viewerUnitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
  caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
  /** The case's district (tenants/); null = the default tenant. */
  tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
  caseNumber: { type: String, required: true },
  fields: { type: [String], enum: contactFields, default: [] },
  at: { type: Date, required: true },
})
contactViewSchema.index({ caseId: 1, at: -1 })
contactViewSchema.index({ viewerId: 1, at: -1 })
contactViewSchema.index({ at: -1 })

export type ContactViewDocument = HydratedDocument<InferSchemaType<typeof contactViewSchema>>
export const ContactViewModel = mongoose.model('ContactView', contactViewSchema)

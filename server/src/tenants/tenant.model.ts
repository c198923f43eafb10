import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/**
 * A tenant is a district (or city) served by this deployment: its units, staff, configuration
 * and cases are seen only by its own admins; a city-level admin (no tenant) sees every tenant.
 */
const tenantSchema = new Schema(
  {
    /** Stable code residents' links carry (`?tenant=hedong`); lowercase letters, digits, dashes. */
    code: { type: String, required: true, maxlength: 40 },
    name: { type: String, required: true, maxlength: 50 },
    disabled: { type: Boolean, default: false },
  },
  { timestamps: true },
)
tenantSchema.index({ code: 1 }, { unique: true })

export type TenantRecord = InferSchemaType<typeof tenantSchema>
export type TenantDocument = HydratedDocument<TenantRecord>
export const TenantModel = mongoose.model('Tenant', tenantSchema)

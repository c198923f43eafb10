import { clearOnWrite } from '../db/memoryCache'
import mongoose, { Schema } from 'mongoose'
import { categoryCatalogue } from './categoryCatalogue'

const categorySchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true, maxlength: 50 },
    parentCode: { type: String, default: null },
    order: { type: Number, default: 0 },
    enabled: { type: Boolean, default: true },
    /**
     * The district that added it; null (or missing) = the city tree every district shares. Not
     * read through `scopeFilter`: there a missing tenantId means the default district.
     */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
  },
  { timestamps: true },
)
// Codes stay unique across districts: a district's own codes are made by the server
// (shared/categories/effective.ts), so every lookup by code needs no district.
categorySchema.index({ code: 1 }, { unique: true })
clearOnWrite(categorySchema, categoryCatalogue)

export const CategoryModel = mongoose.model('Category', categorySchema)

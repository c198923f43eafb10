import { clearOnWrite } from '../db/memoryCache'
import mongoose, { Schema } from 'mongoose'
import { categoryCatalogue } from './categoryCatalogue'

/**
 * A city category one district does not offer. One row per (district, code): hiding is a unique
 * insert and showing again a delete, so two districts (or two admins) never overwrite each other
 * (FerretDB updates of a shared array are read-then-write).
 */
const categoryHideSchema = new Schema(
  {
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    code: { type: String, required: true },
  },
  { timestamps: true },
)
categoryHideSchema.index({ tenantId: 1, code: 1 }, { unique: true })
clearOnWrite(categoryHideSchema, categoryCatalogue)

export const CategoryHideModel = mongoose.model('CategoryHide', categoryHideSchema, 'category_hides')

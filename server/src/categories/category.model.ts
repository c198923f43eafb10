import { clearOnWrite, memoryCache } from '../db/memoryCache'
import mongoose, { Schema } from 'mongoose'

const categorySchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true, maxlength: 50 },
    parentCode: { type: String, default: null },
    order: { type: Number, default: 0 },
    enabled: { type: Boolean, default: true },
  },
  { timestamps: true },
)
categorySchema.index({ code: 1 }, { unique: true })

/** The enabled category codes, read on every submission (see memoryCache). */
export const enabledCategoryCodes = memoryCache(
  async () =>
    new Set((await CategoryModel.find({ enabled: true }, { code: 1 }).lean()).map((row) => row.code)),
)
clearOnWrite(categorySchema, enabledCategoryCodes)

export const CategoryModel = mongoose.model('Category', categorySchema)

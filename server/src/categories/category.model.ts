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

export const CategoryModel = mongoose.model('Category', categorySchema)

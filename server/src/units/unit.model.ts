import { unitLevels } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

const unitSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 100 },
    level: { type: String, enum: unitLevels, required: true },
    parentId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    /** The tenant (district) of the unit's root, copied down; null = the default tenant. */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
    /** Ancestor ids from the root down to the parent: a subtree query is `{ path: unitId }`. */
    path: { type: [Schema.Types.ObjectId], default: [] },
    /** Polygon in the flat storage shape of areas/areaCodec (FerretDB v1 has no nested arrays, no geo index). */
    area: { type: Schema.Types.Mixed, default: null },
    /** A disabled unit keeps its history but is no longer offered in pickers or routing. */
    disabled: { type: Boolean, default: false },
  },
  { timestamps: true },
)
unitSchema.index({ path: 1 })
unitSchema.index({ parentId: 1, name: 1 }, { unique: true })

export type UnitRecord = InferSchemaType<typeof unitSchema>
export type UnitDocument = HydratedDocument<UnitRecord>
export const UnitModel = mongoose.model('Unit', unitSchema)
